package dev.taskq.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed kinds behave as in the app taskq replaces. */
class SeedKindsTest {
    private final RecordingContext context = new RecordingContext();

    @Test
    void reverseKeepsCharactersOutsideTheBasicPlaneWhole() throws Exception {
        ReverseTask reverse = new ReverseTask();
        reverse.work = new SimulatedWork();
        assertThat(reverse.run(new ReverseTask.Request("ab👍c"), context)).isEqualTo("c👍ba");
        assertThat(ReverseTask.reverse("héllo")).isEqualTo("olléh");
        assertThat(ReverseTask.reverse("")).isEmpty();
    }

    @Test
    void sentimentIsPositiveWhenTheTextContainsGoodInAnyCase() {
        assertThat(SentimentTask.sentiment("This is GOOD")).isEqualTo("positive");
        assertThat(SentimentTask.sentiment("goodness")).isEqualTo("positive");
        assertThat(SentimentTask.sentiment("bad")).isEqualTo("negative");
        assertThat(SentimentTask.sentiment("g o o d")).isEqualTo("negative");
    }

    @Test
    void anEmailToARecipientContainingFailFailsAndRecordsNothingSent() {
        EmailTask email = new EmailTask();
        email.work = new SimulatedWork();
        assertThatThrownBy(() -> email.run(new EmailTask.Request("will.FAIL@example.com", "s", null), context))
                .isInstanceOf(TaskFailedException.class).hasMessage("could not deliver email to will.FAIL@example.com");
        assertThat(context.effects).isEmpty();
    }

    @Test
    void aSentEmailIsRecordedAsTheEffectSent() throws Exception {
        EmailTask email = new EmailTask();
        email.work = new SimulatedWork();
        assertThat(email.run(new EmailTask.Request("ada@example.com", "Hello", "Hi"), context))
                .isEqualTo("Email sent to ada@example.com (subject: Hello)");
        assertThat(context.effects).containsExactly("sent " + new EmailTask.Sent("ada@example.com", "Hello"));
    }

    /** A context that keeps what the handler told it. */
    static final class RecordingContext implements TaskContext {
        final List<String> effects = new ArrayList<>();

        @Override
        public String taskId() {
            return "t-1";
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public void progress(int percent, String message) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void effect(String name, Object value) {
            effects.add(name + " " + value);
        }
    }
}
