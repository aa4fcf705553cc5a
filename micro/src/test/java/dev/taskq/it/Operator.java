package dev.taskq.it;

import dev.taskq.it.TaskqClient.Answer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The operator using the admin API with the test instances' login ({@code taskq.it.adminPassword}, whose hash
 * the instances are configured with), over a {@link TaskqClient}.
 */
final class Operator {
    static final String USER = "admin";
    static final String PASSWORD = System.getProperty("taskq.it.adminPassword");

    private final TaskqClient client;
    private final String authorization;

    Operator(TaskqClient client) {
        this(client, USER, PASSWORD);
    }

    Operator(TaskqClient client, String user, String password) {
        this.client = client;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", authorization).GET());
    }

    Answer post(String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer postJson(String path, String json) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", authorization)
                .DELETE());
    }
}
