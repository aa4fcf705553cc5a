package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskSubmissionService;
import dev.taskq.domain.TaskInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TaskFormsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    private static final String ID = "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001";

    private final TaskForms forms = new TaskForms();

    private void answering(Function<TaskInput, String> answer) {
        forms.submissions = new TaskSubmissionService() {
            @Override
            public String submit(TaskInput input) {
                return answer.apply(input);
            }
        };
        forms.recent = new RecentTasks();
        forms.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void anAcceptedTaskIsConfirmedClearedAndShownPendingOnTopOfTheRecentTasks() {
        answering(input -> ID);
        forms.getReverse().getInput().setText("abc");

        forms.submit(forms.getReverse());

        assertThat(forms.getReverse().getAcceptedId()).isEqualTo(ID);
        assertThat(forms.getReverse().getRefusal()).isNull();
        assertThat(forms.getReverse().getInput().getText()).isNull();
        assertThat(forms.recent.getTasks()).singleElement().satisfies(task -> {
            assertThat(task.getId()).isEqualTo(ID);
            assertThat(task.getKindLabel()).isEqualTo("Reverse text");
            assertThat(task.getInputSummary()).isEqualTo("abc");
            assertThat(task.getBadgeLabel()).isEqualTo("PENDING");
            assertThat(task.getSubmittedAt()).isEqualTo(NOW);
        });
        assertThat(forms.recent.isLive()).isTrue();
    }

    @Test
    void whenRabbitMqOrRedisIsDownTheFormSaysSoAndKeepsTheInput() {
        answering(input -> {
            throw new QueueUnavailableException("broker down");
        });
        forms.getEmail().getInput().setRecipient("ada@example.com");

        forms.submit(forms.getEmail());

        assertThat(forms.getEmail().getRefusal()).isEqualTo(TaskForms.QUEUE_DOWN).doesNotContain("broker down");
        assertThat(forms.getEmail().getAcceptedId()).isNull();
        assertThat(forms.getEmail().getInput().getRecipient()).isEqualTo("ada@example.com");
        assertThat(forms.recent.getTasks()).isEmpty();

        answering(input -> {
            throw new StoreUnavailableException("redis down");
        });
        forms.submit(forms.getSentiment());
        assertThat(forms.getSentiment().getRefusal()).isEqualTo(TaskForms.STORE_DOWN);
    }
}
