package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.domain.EmailTask;
import dev.taskq.domain.TaskEvent;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TaskRecord;
import dev.taskq.domain.TaskState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownTaskTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    private static ShownTask inState(TaskState state, int attempts, String result, String error) {
        return ShownTask.of(new TaskRecord("id-1", TaskKind.EMAIL,
                new EmailTask("ada@example.com", "Hi", "Hello").parameters(), state, result, error, attempts, AT, AT,
                state.isTerminal() ? AT : null, List.of(new TaskEvent(TaskState.PENDING, AT, 0, "i", null))));
    }

    @Test
    void theBadgeNamesTheStateAndForARetryWhichRetryComesNext() {
        assertThat(inState(TaskState.PENDING, 0, null, null).getBadgeLabel()).isEqualTo("PENDING");
        assertThat(inState(TaskState.STARTED, 1, null, null).getBadgeLabel()).isEqualTo("STARTED");
        assertThat(inState(TaskState.RETRY, 1, null, "x").getBadgeLabel()).isEqualTo("RETRY 1/3");
        assertThat(inState(TaskState.RETRY, 3, null, "x").getBadgeLabel()).isEqualTo("RETRY 3/3");
        assertThat(inState(TaskState.FAILURE, 4, null, "x").getBadgeClass()).contains("bg-danger-subtle",
                "text-danger-emphasis");
        assertThat(inState(TaskState.SUCCESS, 1, "ok", null).getBadgeClass()).contains("bg-success-subtle");
    }

    @Test
    void anEmailIsSummedUpByRecipientAndSubjectAndItsOutcomeIsTheResultOrTheError() {
        ShownTask done = inState(TaskState.SUCCESS, 1, "sent", null);
        assertThat(done.getInputSummary()).isEqualTo("ada@example.com · Hi");
        assertThat(done.getOutcomeSummary()).isEqualTo("sent");
        assertThat(done.getInput()).extracting(ShownTask.Field::getLabel).containsExactly("Recipient", "Subject",
                "Body");
        assertThat(inState(TaskState.FAILURE, 4, null, "no").getOutcomeSummary()).isEqualTo("no");
        assertThat(inState(TaskState.PENDING, 0, null, null).getOutcomeSummary()).isNull();
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
