package dev.taskq.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api}. */
@ApplicationPath(RestApplication.PATH)
public class RestApplication extends Application {
    public static final String PATH = "/api";
}
