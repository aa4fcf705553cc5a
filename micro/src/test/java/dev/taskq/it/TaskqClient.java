package dev.taskq.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user of the REST API does: send requests and read the answers, over real HTTP. Shared with the EAR's
 * integration tests (ear/) through this module's test jar.
 */
public final class TaskqClient {
    private static final Pattern METRIC_LINE = Pattern.compile("^(\\w+)(\\{[^}]*})?\\s+([0-9.eE+-]+)\\s*$");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /**
     * A client of the instance at {@code base}, always through 127.0.0.1: Arquillian reports the address of the
     * machine's first network interface, which may be a Docker bridge or a zoned IPv6 address.
     */
    public TaskqClient(URL base) {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        this.base = URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    public URI uri(String relativePath) {
        return base.resolve(relativePath);
    }

    public Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a task and returns its id (asserting nothing: callers check the answer). */
    public String submit(String json) {
        Answer answer = postJson("api/tasks", json);
        if (answer.status() != 202) {
            throw new AssertionError("submit answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().getString("task_id");
    }

    public JsonObject task(String id) {
        return get("api/tasks/" + id).json();
    }

    /** The sum over all series of a metric in the Prometheus text at /metrics (0 when absent). */
    public double metric(String name) {
        return metric(name, "");
    }

    /** The sum over the series of a metric whose labels contain {@code labelText} (0 when none). */
    public double metric(String name, String labelText) {
        Answer answer = send(HttpRequest.newBuilder(base.resolve("/metrics")).header("Accept", "text/plain").GET());
        double sum = 0;
        for (String line : answer.body().split("\n")) {
            Matcher m = METRIC_LINE.matcher(line);
            if (m.matches() && m.group(1).equals(name)
                    && (labelText.isEmpty() || m.group(2) != null && m.group(2).contains(labelText))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    public record Answer(int status, String contentType, String location, String body) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }
    }
}
