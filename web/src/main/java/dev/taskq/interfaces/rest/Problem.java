package dev.taskq.interfaces.rest;

import dev.taskq.application.InvalidTaskException.FieldViolation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}); {@code errors} names each broken field rule.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors the broken field rules, if any
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    /** The media type of a problem body, as a constant that annotations (OpenAPI) can use too. */
    public static final String MEDIA_TYPE_NAME = "application/problem+json";
    public static final MediaType MEDIA_TYPE = MediaType.valueOf(MEDIA_TYPE_NAME);
    static final String TYPE_BASE = "https://taskq.dev/problems/";

    static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
