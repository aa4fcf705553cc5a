package dev.taskq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.reliability.lab.FaultLab;
import dev.taskq.reliability.lab.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A client with the JDK's default settings offers HTTP/2 cleartext (an {@code Upgrade: h2c} on its first request).
 * Such a POST with a body used to get a 500 from Payara's HTTP/2 upgrade path; taskq's listener speaks HTTP/1.1,
 * so this client is answered exactly like any other, on the node as the one launcher starts it.
 */
class CleartextHttp2ClientIT {

    @Test
    void aClientOfferingHttp2CleartextGetsItsTaskAcceptedAndItsBadInputRefused() {
        Http http = FaultLab.get().taskq().http().offeringHttp2();

        Http.Answer accepted = http.postJson("api/tasks", "{\"type\":\"reverse\",\"text\":\"h2c upgrade\"}");
        assertThat(accepted.status()).as("POST answered %s", accepted).isEqualTo(202);
        String id = accepted.json().getString("task_id");
        JsonObject task = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("api/tasks/" + id).json(), t -> "SUCCESS".equals(t.getString("state")));
        assertThat(task.getString("result")).isEqualTo("edargpu c2h");

        Http.Answer refused = http.postJson("api/tasks", "{\"type\":\"reverse\"}");
        assertThat(refused.status()).as("POST answered %s", refused).isEqualTo(400);
        assertThat(refused.header("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
