package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskMessageTest {

    @Test
    void aMessageReadsBackAsTheSameTask() {
        TaskMessage sent = new TaskMessage("id-1", "email", Json.createObjectBuilder()
                .add("recipient", "a@example.com").add("subject", "Hi").add("attempts", 3).build(),
                Instant.parse("2026-11-27T10:00:00Z"));

        TaskMessage received = TaskMessage.fromJson(sent.toJson());

        assertThat(received).isEqualTo(sent);
        assertThat(received.parameters().getString("recipient")).isEqualTo("a@example.com");
        assertThat(received.parameters().getInt("attempts")).isEqualTo(3);
        assertThat(sent.toJson()).as("the submission time as epoch milliseconds")
                .isEqualTo("{\"id\":\"id-1\",\"parameters\":{\"recipient\":\"a@example.com\",\"subject\":\"Hi\","
                        + "\"attempts\":3},\"submittedAt\":1795773600000,\"type\":\"email\"}");
    }

    @Test
    void aMessageQueuedByAnEarlierVersionWithItsTimeAsTextIsReadTheSame() {
        TaskMessage earlier = TaskMessage.fromJson("{\"id\":\"id-1\",\"parameters\":{\"text\":\"abc\"},"
                + "\"submittedAt\":\"2026-11-27T10:00:00.250Z\",\"type\":\"reverse\"}");

        assertThat(earlier.submittedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.250Z"));
        assertThat(TaskMessage.fromJson(earlier.toJson())).isEqualTo(earlier);
    }

    @Test
    void anythingElseIsAnUnreadableMessage() {
        assertThatThrownBy(() -> TaskMessage.fromJson("{oops")).isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"type\":\"reverse\"}"))
                .isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"id\":\"x\",\"parameters\":{}}"))
                .isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("[1]")).isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"id\":7,\"type\":\"reverse\",\"parameters\":{}}"))
                .isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"id\":\"x\",\"type\":\"reverse\",\"parameters\":{},"
                + "\"submittedAt\":\"yesterday\"}")).isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"id\":\"x\",\"type\":\"reverse\",\"parameters\":{},"
                + "\"submittedAt\":1.5}")).isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("x".repeat(TaskMessage.MAX_JSON_LENGTH + 1)))
                .isInstanceOf(UnreadableTaskMessageException.class).hasMessageContaining("over-size");
    }
}
