package dev.taskq.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.domain.EmailTask;
import dev.taskq.domain.TaskKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskMessageTest {

    @Test
    void aMessageReadsBackAsTheSameTask() {
        TaskMessage sent = TaskMessage.of("id-1", new EmailTask("a@example.com", "Hi", "Body"),
                Instant.parse("2026-11-27T10:00:00Z"));

        TaskMessage received = TaskMessage.fromJson(sent.toJson());

        assertThat(received).isEqualTo(sent);
        assertThat(received.kind()).isEqualTo(TaskKind.EMAIL);
        assertThat(((EmailTask) received.input()).getRecipient()).isEqualTo("a@example.com");
    }

    @Test
    void anythingElseIsAnUnreadableMessage() {
        assertThatThrownBy(() -> TaskMessage.fromJson("{oops")).isInstanceOf(UnreadableTaskMessageException.class);
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"id\":\"x\",\"type\":\"fly\",\"parameters\":{}}"))
                .isInstanceOf(UnreadableTaskMessageException.class).hasMessageContaining("fly");
        assertThatThrownBy(() -> TaskMessage.fromJson("{\"type\":\"reverse\"}"))
                .isInstanceOf(UnreadableTaskMessageException.class);
    }
}
