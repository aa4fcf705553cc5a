package dev.taskq.reliability;

import dev.taskq.reliability.lab.TaskSpec;
import java.nio.charset.StandardCharsets;

/**
 * One generated HTTP request and what taskq must answer to it.
 *
 * @param kind        what sort of input it is (for the statistics)
 * @param method      the HTTP method
 * @param path        the path, relative to the instance's root
 * @param contentType the Content-Type header, or {@code null}
 * @param body        the body, or {@code null}
 * @param expect      the class of answer required
 * @param task        for a valid submission, the task it must become
 */
record FuzzRequest(String kind, String method, String path, String contentType, byte[] body, Expect expect,
        TaskSpec task) {

    /** The answers a request may get. None may be a 5xx. */
    enum Expect {
        /** a valid task: 2xx, and the task is accepted */
        ACCEPTED,
        /** an invalid input: 4xx, nothing accepted */
        REFUSED,
        /** an odd but harmless request (OPTIONS, HEAD, GET of a collection …): anything but 5xx, nothing accepted */
        HARMLESS
    }

    static FuzzRequest post(String kind, String path, String contentType, String body, Expect expect) {
        return new FuzzRequest(kind, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), expect, null);
    }

    static FuzzRequest submission(String kind, TaskSpec task, boolean valid) {
        return new FuzzRequest(kind, "POST", "api/tasks", "application/json",
                task.json().getBytes(StandardCharsets.UTF_8), valid ? Expect.ACCEPTED : Expect.REFUSED,
                valid ? task : null);
    }

    FuzzRequest withTask(TaskSpec expected) {
        return new FuzzRequest(kind, method, path, contentType, body, expect, expected);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return kind + ": " + method + " /" + path + " [" + contentType + "] " + (body == null ? 0 : body.length)
                + " bytes " + shown.replaceAll("\\p{Cntrl}", "·") + " → expect " + expect;
    }
}
