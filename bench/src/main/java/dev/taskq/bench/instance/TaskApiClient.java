package dev.taskq.bench.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The REST API of a system under test as its start-up check uses it: plain requests, and the first task. */
final class TaskApiClient {
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILURE", "REVOKED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TaskApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** GET of a path below the base URL; null if nothing answered. */
    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET());
    }

    /**
     * Waits until {@code servesTheApi} holds, then submits one reverse task and waits until it is terminal.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the task must be done
     * @param running       whether the system's processes still run (if not, it will never answer)
     * @param logs          where to look when it fails (for the exception's message)
     */
    void awaitFirstTask(long deadlineNanos, BooleanSupplier servesTheApi, BooleanSupplier running, String logs)
            throws IOException, InterruptedException {
        while (!servesTheApi.getAsBoolean()) {
            if (!running.getAsBoolean() || System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("it did not start; see " + logs);
            }
            Thread.sleep(100);
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"reverse\",\"text\":\"first task\"}")));
        if (accepted == null || accepted.statusCode() != 202) {
            throw new IllegalStateException("the first task was refused: "
                    + (accepted == null ? "no answer" : accepted.statusCode() + " " + accepted.body()));
        }
        String id = JSON.readTree(accepted.body()).path("task_id").asText();
        while (!TERMINAL.contains(state(id))) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("the first task did not finish; see " + logs);
            }
            Thread.sleep(5);
        }
    }

    private String state(String taskId) throws IOException {
        HttpResponse<String> response = get("/api/tasks/" + taskId, "application/json");
        return response == null ? "" : JSON.readTree(response.body()).path("state").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
