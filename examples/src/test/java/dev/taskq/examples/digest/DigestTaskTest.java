package dev.taskq.examples.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.examples.digest.DigestTask.Algorithm;
import dev.taskq.examples.digest.DigestTask.Request;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler as a plain object, with a context that records what it is told: no server needed. */
class DigestTaskTest {

    private final RecordingContext context = new RecordingContext();

    @Test
    void oneRoundOfSha256IsTheWellKnownDigest() {
        String hex = new DigestTask().run(new Request("abc", Algorithm.SHA_256, 1), context);
        assertThat(hex).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(context.lines).first().isEqualTo("hashing 3 characters 1 times with SHA_256");
        assertThat(context.lines).last().isEqualTo("done: " + hex);
    }

    @Test
    void itReportsProgressUpToAHundredPercent() {
        new DigestTask().run(new Request("abc", Algorithm.SHA_512, 1000), context);
        assertThat(context.percents).hasSize(100).isSorted().endsWith(100);
        assertThat(context.messages).last().isEqualTo("1000 of 1000 rounds");
    }

    @Test
    void aRevokedDigestStops() {
        context.cancelled = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new DigestTask().run(new Request("abc", Algorithm.SHA3_256, 1_000_000), context))
                .hasMessage("revoked");
        assertThat(context.lines).contains("revoked after 10000 rounds");
    }

    @Test
    void theInputsRulesAreItsConstraints() {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            List<String> broken = validation.getValidator().validate(new Request(" ", null, 0)).stream()
                    .map(ConstraintViolation::getPropertyPath).map(Object::toString).sorted().toList();
            assertThat(broken).containsExactly("algorithm", "rounds", "text");
        }
    }

    @Test
    void itsPolicyIsDeclaredOnTheClass() {
        TaskDefinition definition = DigestTask.class.getAnnotation(TaskDefinition.class);
        assertThat(definition.name()).isEqualTo("digest");
        assertThat(definition.queue()).isEqualTo("cpu");
        assertThat(definition.retries()).isEqualTo(2);
    }

    /** Keeps what the handler reports. */
    static final class RecordingContext implements TaskContext {
        final List<Integer> percents = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        boolean cancelled;

        @Override
        public String taskId() {
            return "test";
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public void progress(int percent, String message) {
            percents.add(percent);
            messages.add(message);
        }

        @Override
        public void log(String line) {
            lines.add(line);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void effect(String name, Object value) {
        }
    }
}
