package dev.taskq.interfaces.web;

import dev.taskq.application.AcceptedTask;
import dev.taskq.domain.TaskState;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.application.InvalidTaskException;
import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskSubmissionService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class TaskFormsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    private static final String ID = "6f1c1c9e-8a4e-4a53-9b43-1f0d7f1f0001";

    private final List<FieldViolation> shownAtFields = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();
    private final TaskForms forms = new TaskForms() {
        @Override
        void showAtFields(TaskForm form, List<FieldViolation> violations) {
            shownAtFields.addAll(violations);
        }
    };

    TaskFormsTest() {
        forms.kinds = Kinds.ALL;
        forms.recent = new RecentTasks();
        forms.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        forms.makeForms();
        answering((type, values) -> ID);
    }

    private void answering(BiFunction<String, Map<String, String>, String> answer) {
        accepting((type, values) -> new AcceptedTask(answer.apply(type, values), TaskState.PENDING, null));
    }

    private void accepting(BiFunction<String, Map<String, String>, AcceptedTask> answer) {
        forms.submissions = new TaskSubmissionService() {
            @Override
            public AcceptedTask submitForm(String type, Map<String, String> values) {
                submitted.add(type + " " + values);
                return answer.apply(type, values);
            }
        };
    }

    private TaskForm form(String kind) {
        return forms.getForms().stream().filter(f -> f.getId().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void thereIsOneFormPerKindThatOffersOneOrderedByName() {
        assertThat(forms.getForms()).extracting(TaskForm::getId)
                .containsExactly("email", "resize", "reverse", "sentiment");
        assertThat(form("resize").getTitle()).isEqualTo("Resize an image");
    }

    @Test
    void anAcceptedTaskIsConfirmedClearedAndShownPendingOnTopOfTheRecentTasks() {
        form("reverse").getValues().put("text", "abc");

        forms.submit(form("reverse"));

        assertThat(submitted).containsExactly("reverse {text=abc}");
        assertThat(form("reverse").getAcceptedId()).isEqualTo(ID);
        assertThat(form("reverse").getRefusal()).isNull();
        assertThat(form("reverse").getValues()).isEmpty();
        assertThat(forms.recent.getTasks()).singleElement().satisfies(task -> {
            assertThat(task.getId()).isEqualTo(ID);
            assertThat(task.getKindLabel()).isEqualTo("Reverse text");
            assertThat(task.getInputSummary()).isEqualTo("abc");
            assertThat(task.getInput()).extracting(ShownTask.Field::getLabel).containsExactly("Text to reverse");
            assertThat(task.getBadgeLabel()).isEqualTo("PENDING");
            assertThat(task.isHasProgress()).isFalse();
            assertThat(task.getSubmittedAt()).isEqualTo(NOW);
        });
        assertThat(forms.recent.isLive()).isTrue();
    }

    @Test
    void brokenRulesAreShownAtTheirFieldsWithTheServicesMessagesAndTheInputIsKept() {
        answering((type, values) -> {
            throw new InvalidTaskException(List.of(new FieldViolation("url", "must not be null"),
                    new FieldViolation("width", "must be greater than or equal to 16"),
                    new FieldViolation("input", "cannot be read as a resize task")));
        });
        form("resize").getValues().put("width", "3");

        forms.submit(form("resize"));

        assertThat(shownAtFields).extracting(FieldViolation::field).containsExactly("url", "width");
        assertThat(shownAtFields).extracting(FieldViolation::message)
                .containsExactly("must not be null", "must be greater than or equal to 16");
        assertThat(form("resize").getRefusal()).as("what concerns no field is said on the form")
                .isEqualTo("input: cannot be read as a resize task");
        assertThat(form("resize").getAcceptedId()).isNull();
        assertThat(form("resize").getValues()).containsEntry("width", "3");
        assertThat(forms.recent.getTasks()).isEmpty();
    }

    @Test
    void whenRabbitMqOrRedisIsDownTheFormSaysSoAndKeepsTheInput() {
        answering((type, values) -> {
            throw new QueueUnavailableException("broker down");
        });
        form("email").getValues().put("recipient", "ada@example.com");

        forms.submit(form("email"));

        assertThat(form("email").getRefusal()).isEqualTo(TaskForms.QUEUE_DOWN).doesNotContain("broker down");
        assertThat(form("email").getAcceptedId()).isNull();
        assertThat(form("email").getValues()).containsEntry("recipient", "ada@example.com");
        assertThat(forms.recent.getTasks()).isEmpty();

        answering((type, values) -> {
            throw new StoreUnavailableException("redis down");
        });
        forms.submit(form("sentiment"));
        assertThat(form("sentiment").getRefusal()).isEqualTo(TaskForms.STORE_DOWN);
        assertThat(shownAtFields).isEmpty();
    }

    @Test
    void aTaskDueLaterGoesWithItsRunAtAndIsShownScheduledWithItsInputOnly() {
        Instant due = NOW.plusSeconds(30);
        accepting((type, values) -> new AcceptedTask(ID, TaskState.SCHEDULED, due));
        form("reverse").getValues().put("text", "later");
        form("reverse").getValues().put("run_at", "30");

        forms.submit(form("reverse"));

        assertThat(submitted).containsExactly("reverse {text=later, run_at=30}");
        assertThat(form("reverse").getAcceptedId()).isEqualTo(ID);
        assertThat(form("reverse").getValues()).isEmpty();
        assertThat(forms.recent.getTasks()).singleElement().satisfies(task -> {
            assertThat(task.getState()).isEqualTo("SCHEDULED");
            assertThat(task.getBadgeLabel()).isEqualTo("SCHEDULED");
            assertThat(task.isTerminal()).isFalse();
            assertThat(task.getInputSummary()).as("run_at is not the task's input").isEqualTo("later");
            assertThat(task.getInput()).extracting(ShownTask.Field::getName).containsExactly("text");
        });
        assertThat(forms.recent.isLive()).isTrue();
    }

    @Test
    void aBadRunAtIsShownAtItsFieldAndTheInputIsKept() {
        answering((type, values) -> {
            throw new InvalidTaskException(List.of(new FieldViolation("run_at",
                    "must be an instant such as 2026-12-02T10:00:00Z, a duration such as PT30S, or seconds")));
        });
        form("reverse").getValues().put("text", "abc");
        form("reverse").getValues().put("run_at", "soon");

        forms.submit(form("reverse"));

        assertThat(shownAtFields).extracting(FieldViolation::field).containsExactly("run_at");
        assertThat(form("reverse").getRefusal()).as("nothing left for the form as a whole").isNull();
        assertThat(form("reverse").getAcceptedId()).isNull();
        assertThat(form("reverse").getValues()).containsEntry("run_at", "soon");
        assertThat(forms.recent.getTasks()).isEmpty();
    }
}
