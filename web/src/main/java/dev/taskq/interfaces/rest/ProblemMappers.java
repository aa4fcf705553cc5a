package dev.taskq.interfaces.rest;

import dev.taskq.application.InvalidScheduleException;
import dev.taskq.application.InvalidTaskException;
import dev.taskq.application.ScheduleExistsException;
import dev.taskq.application.ScheduleNotFoundException;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskNotFoundException;
import dev.taskq.application.TaskStateConflictException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of a REST call into an RFC 9457 problem response: never a stack trace, never an HTML page. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    /** Seconds a client is told to wait before trying again when a backing service is down. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ProblemMappers() {
    }

    /** 400: the task breaks an input rule; {@code errors} lists each field and rule. */
    @Provider
    public static class InvalidTask implements ExceptionMapper<InvalidTaskException> {
        @Override
        public Response toResponse(InvalidTaskException e) {
            return new Problem(Problem.TYPE_BASE + "invalid-task", "The task is not valid", 400, e.getMessage(),
                    e.violations()).toResponse().build();
        }
    }

    /** 400: a schedule's definition breaks a rule (each field and what is wrong in errors). */
    @Provider
    public static class InvalidSchedule implements ExceptionMapper<InvalidScheduleException> {
        @Override
        public Response toResponse(InvalidScheduleException e) {
            return new Problem(Problem.TYPE_BASE + "invalid-schedule", "The schedule is not valid", 400,
                    e.getMessage(), e.violations()).toResponse().build();
        }
    }

    /** 404: no schedule with that id. */
    @Provider
    public static class ScheduleNotFound implements ExceptionMapper<ScheduleNotFoundException> {
        @Override
        public Response toResponse(ScheduleNotFoundException e) {
            return Problem.of(Status.NOT_FOUND, e.getMessage()).toResponse().build();
        }
    }

    /** 409: a schedule with that id exists already. */
    @Provider
    public static class ScheduleExists implements ExceptionMapper<ScheduleExistsException> {
        @Override
        public Response toResponse(ScheduleExistsException e) {
            return new Problem(Problem.TYPE_BASE + "schedule-exists", "A schedule with this id exists", 409,
                    e.getMessage(), null).toResponse().build();
        }
    }

    /** 503 with Retry-After: the broker is down; the task was not accepted. */
    @Provider
    public static class QueueUnavailable implements ExceptionMapper<QueueUnavailableException> {
        @Override
        public Response toResponse(QueueUnavailableException e) {
            return unavailable("queue-unavailable", "The task queue is not available",
                    "RabbitMQ did not take the task; nothing was kept. Try again later.");
        }
    }

    /** 503 with Retry-After: Redis is down. */
    @Provider
    public static class StoreUnavailable implements ExceptionMapper<StoreUnavailableException> {
        @Override
        public Response toResponse(StoreUnavailableException e) {
            return unavailable("store-unavailable", "The task store is not available",
                    "Redis could not be reached; nothing was kept. Try again later.");
        }
    }

    /** 404: an operator action names a task that does not exist. */
    @Provider
    public static class TaskNotFound implements ExceptionMapper<TaskNotFoundException> {
        @Override
        public Response toResponse(TaskNotFoundException e) {
            return Problem.of(Status.NOT_FOUND, e.getMessage()).toResponse().build();
        }
    }

    /** 409: an operator action does not fit the task's state (e.g. cancelling a task that has started). */
    @Provider
    public static class TaskStateConflict implements ExceptionMapper<TaskStateConflictException> {
        @Override
        public Response toResponse(TaskStateConflictException e) {
            return new Problem(Problem.TYPE_BASE + "wrong-state", "The task is not in a state that allows this",
                    409, e.getMessage(), null).toResponse().build();
        }
    }

    /** 4xx/5xx raised by JAX-RS itself (404, 405, 406, 413, 415, …), keeping its headers (e.g. Allow). */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.ResponseBuilder response = Problem.of(original.getStatusInfo(), detailOf(e)).toResponse();
            original.getHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
            return response.build();
        }

        private static String detailOf(WebApplicationException e) {
            String message = e.getMessage();
            return message == null || message.startsWith("HTTP ") ? e.getResponse().getStatusInfo().getReasonPhrase()
                    : message;
        }
    }

    /** 400: the body is not JSON, or not JSON of the expected shape. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed();
        }
    }

    /** 400: the body is not JSON (as the JSON parser reports it). */
    @Provider
    public static class UnparsableJson implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return malformed();
        }
    }

    /** 400 when reading the body failed (JAX-RS wraps JSON-B errors this way), else 500. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof WebApplicationException wae) {
                    return new WebApplication().toResponse(wae);
                }
                if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                    return malformed();
                }
            }
            return internalError(e);
        }
    }

    /** 500 for anything else, logged with its stack trace; the client sees no internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return internalError(e);
        }
    }

    private static Response malformed() {
        return new Problem(Problem.TYPE_BASE + "malformed-json", "The request body is not valid JSON", 400,
                "The body must be a JSON object with a string field 'type' and the fields of that type.", null)
                .toResponse().build();
    }

    private static Response unavailable(String type, String title, String detail) {
        return new Problem(Problem.TYPE_BASE + type, title, 503, detail, null).toResponse()
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response internalError(Throwable e) {
        LOG.log(Level.SEVERE, "unexpected error in a REST call", e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.")
                .toResponse().build();
    }
}
