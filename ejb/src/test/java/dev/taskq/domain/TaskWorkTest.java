package dev.taskq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskWorkTest {

    @Test
    void reverseKeepsCharactersOutsideTheBasicPlaneWhole() {
        assertThat(TaskWork.reverse("ab👍c")).isEqualTo("c👍ba");
        assertThat(TaskWork.reverse("héllo")).isEqualTo("olléh");
        assertThat(TaskWork.reverse("")).isEmpty();
    }

    @Test
    void sentimentIsPositiveWhenTheTextContainsGoodInAnyCase() {
        assertThat(TaskWork.sentiment("This is GOOD")).isEqualTo("positive");
        assertThat(TaskWork.sentiment("goodness")).isEqualTo("positive");
        assertThat(TaskWork.sentiment("bad")).isEqualTo("negative");
        assertThat(TaskWork.sentiment("g o o d")).isEqualTo("negative");
    }

    @Test
    void emailFailsForARecipientContainingFail() {
        assertThatThrownBy(() -> TaskWork.sendEmail("will.FAIL@example.com", "s"))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("will.FAIL@example.com");
        assertThat(TaskWork.sendEmail("ada@example.com", "Hello")).contains("ada@example.com");
    }

    @Test
    void performRunsTheWorkOfTheInputsKind() {
        assertThat(TaskWork.perform(new TextTask(TaskKind.REVERSE, "abc"))).isEqualTo("cba");
        assertThat(TaskWork.perform(new TextTask(TaskKind.SENTIMENT, "good"))).isEqualTo("positive");
        assertThat(TaskWork.perform(new EmailTask("a@b.example", "s", "b"))).startsWith("Email sent to a@b.example");
    }
}
