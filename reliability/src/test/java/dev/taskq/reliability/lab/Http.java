package dev.taskq.reliability.lab;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a user of one taskq instance does over real HTTP: any method, any body, any content type. */
public final class Http {
    private static final Pattern METRIC_LINE = Pattern.compile("^(\\w+)(\\{[^}]*})?\\s+([0-9.eE+-]+)\\s*$");

    private final HttpClient client;
    private final URI base;

    Http(URI base) {
        this(base, HttpClient.newBuilder());
    }

    private Http(URI base, HttpClient.Builder client) {
        this.base = base;
        this.client = client.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client of the same instance that keeps cookies, like a browser: its own session. */
    public Http browser() {
        return new Http(base, HttpClient.newBuilder().cookieHandler(new CookieManager()));
    }

    public URI base() {
        return base;
    }

    /**
     * Sends one request and returns the answer.
     *
     * @param contentType the Content-Type header, or {@code null} for none
     * @param body        the body bytes, or {@code null} for none
     * @throws NoAnswer when the request got no HTTP answer at all (refused, reset, timed out)
     */
    public Answer send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                            e -> e.getValue().get(0), (a, b) -> a)), response.body());
        } catch (IOException e) {
            throw new NoAnswer(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer postJson(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    /** Whether {@code /health/ready} answers 200 (RabbitMQ and Redis both UP). */
    public boolean ready() {
        try {
            return get("health/ready").status() == 200;
        } catch (NoAnswer e) {
            return false;
        }
    }

    /** The sum over all series of a metric in the Prometheus text at {@code /metrics} (0 when absent). */
    public double metric(String name) {
        double sum = 0;
        for (String line : send("GET", "metrics", null, null, Map.of("Accept", "text/plain")).body().split("\n")) {
            Matcher m = METRIC_LINE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    /** An HTTP answer; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

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

        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    /** The request got no HTTP answer: the connection was refused, reset or timed out. */
    public static final class NoAnswer extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String request, IOException cause) {
            super(request + ": no answer (" + cause + ")", cause);
        }
    }
}
