package dev.taskq.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API lives under {@code /api}; its OpenAPI description is served at {@code /openapi}. */
@ApplicationPath(RestApplication.PATH)
@OpenAPIDefinition(info = @Info(title = "taskq", version = "0.1.0",
        description = "Background tasks: submit a task, follow its state; the operator's view and actions under "
                + "/api/admin (HTTP Basic, the dashboard's login). Every error is an RFC 9457 problem "
                + "(application/problem+json)."),
        tags = {@Tag(name = "tasks", description = "Submit a task and read its state"),
                @Tag(name = "admin", description = "The operator's view and actions (login required)")})
@SecurityScheme(securitySchemeName = RestApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {
    public static final String PATH = "/api";
    static final String BASIC_AUTH = "basicAuth";
}
