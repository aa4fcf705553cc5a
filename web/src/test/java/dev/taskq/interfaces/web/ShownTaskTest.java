package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownTaskTest {

    private static ShownTask email(TaskState state, int attempts, String result, String error) {
        return ShownTask.of(Tasks.task("id-1", "email", TestJson.object("recipient", "ada@example.com", "subject",
                "Hi", "body", "Hello"), state, attempts, result, error, null, null), Kinds.ALL);
    }

    private static ShownTask counting(TaskState state, Integer progress, String message) {
        return ShownTask.of(Tasks.task("id-2", "resize", TestJson.object("url", "http://x", "width",
                TestJson.number(300)), state, 1, null, null, progress, message), Kinds.ALL);
    }

    @Test
    void theBadgeNamesTheStateAndForARetryWhichRetryOfItsKindsComesNext() {
        assertThat(email(TaskState.PENDING, 0, null, null).getBadgeLabel()).isEqualTo("PENDING");
        assertThat(email(TaskState.STARTED, 1, null, null).getBadgeLabel()).isEqualTo("STARTED");
        assertThat(email(TaskState.RETRY, 1, null, "x").getBadgeLabel()).isEqualTo("RETRY 1/3");
        assertThat(email(TaskState.RETRY, 3, null, "x").getBadgeLabel()).isEqualTo("RETRY 3/3");
        assertThat(email(TaskState.RETRY, 1, null, "x").getMaxAttempts()).isEqualTo(4);
        assertThat(counting(TaskState.RETRY, null, null).getBadgeLabel()).as("a kind with 1 retry")
                .isEqualTo("RETRY 1/1");
        assertThat(counting(TaskState.RETRY, null, null).getMaxAttempts()).isEqualTo(2);
        assertThat(email(TaskState.FAILURE, 4, null, "x").getBadgeClass()).contains("bg-danger-subtle",
                "text-danger-emphasis");
        assertThat(email(TaskState.SUCCESS, 1, "ok", null).getBadgeClass()).contains("bg-success-subtle");
        assertThat(email(TaskState.REVOKED, 1, null, null).getBadgeClass()).contains("bg-dark-subtle");
    }

    @Test
    void aTaskOfAKindThisDeploymentDoesNotHaveIsShownByItsNameAndRawFields() {
        TaskRecord record = Tasks.task("id-3", "gone", TestJson.object("someField", "v"), TaskState.RETRY, 1, null,
                "x", null, null);
        ShownTask task = ShownTask.of(record, Kinds.ALL);
        assertThat(task.getKindLabel()).isEqualTo("gone");
        assertThat(task.getBadgeLabel()).isEqualTo("RETRY");
        assertThat(task.getMaxAttempts()).isZero();
        assertThat(task.getInput()).extracting(ShownTask.Field::getLabel).containsExactly("SomeField");
    }

    @Test
    void anEmailIsSummedUpByRecipientAndSubjectAndItsOutcomeIsTheResultOrTheError() {
        ShownTask done = email(TaskState.SUCCESS, 1, "sent", null);
        assertThat(done.getKindLabel()).isEqualTo("Send email");
        assertThat(done.getInputSummary()).isEqualTo("ada@example.com · Hi");
        assertThat(done.getOutcomeSummary()).isEqualTo("sent");
        assertThat(done.getInput()).extracting(ShownTask.Field::getLabel).containsExactly("Recipient", "Subject",
                "Body");
        assertThat(email(TaskState.FAILURE, 4, null, "no").getOutcomeSummary()).isEqualTo("no");
        assertThat(email(TaskState.PENDING, 0, null, null).getOutcomeSummary()).isNull();
        assertThat(counting(TaskState.STARTED, null, null).getInputSummary()).as("a number as JSON writes it")
                .isEqualTo("http://x · 300");
    }

    @Test
    void progressIsABarWithItsPercentAndMessageThatMovesWhileTheTaskRuns() {
        ShownTask none = counting(TaskState.STARTED, null, null);
        assertThat(none.isHasProgress()).isFalse();
        assertThat(none.getProgressPercent()).isZero();

        ShownTask running = counting(TaskState.STARTED, 40, "resized");
        assertThat(running.isHasProgress()).isTrue();
        assertThat(running.getProgressPercent()).isEqualTo(40);
        assertThat(running.getProgressText()).isEqualTo("40% · resized");
        assertThat(running.getProgressMessage()).isEqualTo("resized");
        assertThat(running.isProgressActive()).isTrue();

        ShownTask done = counting(TaskState.SUCCESS, 100, " ");
        assertThat(done.getProgressText()).isEqualTo("100%");
        assertThat(done.isProgressActive()).as("a finished bar stands still").isFalse();
        assertThat(counting(TaskState.RETRY, 30, "x").isProgressActive()).isFalse();

        assertThat(counting(TaskState.STARTED, 140, null).getProgressPercent()).as("kept within 0–100")
                .isEqualTo(100);
        assertThat(counting(TaskState.STARTED, -5, null).getProgressPercent()).isZero();
    }

    @Test
    void aJustSubmittedTaskShowsWhatTheUserTypedWithTheFormsLabels() {
        ShownTask task = ShownTask.submitted("id-4", Kinds.kind("email"),
                Map.of("recipient", "ada@example.com"), Tasks.AT);
        assertThat(task.getState()).isEqualTo("PENDING");
        assertThat(task.isTerminal()).isFalse();
        assertThat(task.getInput()).extracting(ShownTask.Field::getLabel, ShownTask.Field::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Recipient", "ada@example.com"));
        assertThat(task.getHistory()).extracting(ShownTask.Step::getState).containsExactly("PENDING");
    }

    @Test
    void longTextsAreShortenedWithoutSplittingACharacter() {
        String emoji = "👍".repeat(100);
        String shown = ShownTask.shorten(emoji);
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ShownTask.SUMMARY_LENGTH);
        assertThat(shown).endsWith("👍…");
        assertThat(ShownTask.shorten("short")).isEqualTo("short");
    }
}
