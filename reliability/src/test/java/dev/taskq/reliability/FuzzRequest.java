package dev.taskq.reliability;

import dev.taskq.reliability.lab.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

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
 * @param batch       for a valid batch submission (a JSON array), the tasks it must become, in order; else null
 */
record FuzzRequest(String kind, String method, String path, String contentType, byte[] body, Expect expect,
        TaskSpec task, List<TaskSpec> batch) {

    FuzzRequest(String kind, String method, String path, String contentType, byte[] body, Expect expect,
            TaskSpec task) {
        this(kind, method, path, contentType, body, expect, task, null);
    }

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

    /** A batch of submissions: valid when every one of them is. */
    static FuzzRequest batch(List<FuzzRequest> submissions) {
        boolean valid = submissions.stream().allMatch(s -> s.expect() == Expect.ACCEPTED);
        String json = submissions.stream().map(s -> new String(s.body(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(",", "[", "]"));
        return new FuzzRequest("batch", "POST", "api/tasks", "application/json", json.getBytes(StandardCharsets.UTF_8),
                valid ? Expect.ACCEPTED : Expect.REFUSED, null,
                valid ? submissions.stream().map(FuzzRequest::task).toList() : null);
    }

    FuzzRequest withTask(TaskSpec expected) {
        return new FuzzRequest(kind, method, path, contentType, body, expect, expected, batch);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return kind + ": " + method + " /" + path + " [" + contentType + "] " + (body == null ? 0 : body.length)
                + " bytes " + shown.replaceAll("\\p{Cntrl}", "·") + " → expect " + expect;
    }
}
