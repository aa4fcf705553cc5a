package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.interfaces.web.FormField.Widget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated forms as pure logic: which widget each field of a kind's input gets, its mark and its limits. */
class TaskFormTest {

    private static TaskForm form(String kind) {
        return new TaskForm(Kinds.kind(kind));
    }

    private static FormField field(String kind, String name) {
        return form(kind).getFields().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theEmailFormHasAnAddressASubjectAndABodyWithTheRulesOfTheApi() {
        TaskForm email = form("email");
        assertThat(email.getId()).isEqualTo("email");
        assertThat(email.getTitle()).isEqualTo("Send email");
        assertThat(email.getFields()).extracting(FormField::getName).containsExactly("recipient", "subject", "body");

        FormField recipient = field("email", "recipient");
        assertThat(recipient.getWidget()).isEqualTo(Widget.INPUT);
        assertThat(recipient.getInputType()).isEqualTo("email");
        assertThat(recipient.getAutocomplete()).isEqualTo("email");
        assertThat(recipient.isRequired()).isTrue();
        assertThat(recipient.getMaxLength()).isEqualTo(254);
        assertThat(recipient.getLabel()).isEqualTo("Recipient");

        FormField subject = field("email", "subject");
        assertThat(subject.getInputType()).isEqualTo("text");
        assertThat(subject.getAutocomplete()).isEqualTo("off");
        assertThat(subject.isRequired()).isTrue();
        assertThat(subject.getMaxLength()).isEqualTo(200);
        assertThat(subject.getMin()).isNull();
        assertThat(subject.getStep()).isNull();

        FormField body = field("email", "body");
        assertThat(body.getWidget()).isEqualTo(Widget.TEXTAREA);
        assertThat(body.isRequired()).as("body is optional").isFalse();
        assertThat(body.getMaxLength()).isEqualTo(10_000);
    }

    @Test
    void aLongTextIsATextAreaLabelledAsItsKindSays() {
        FormField text = field("reverse", "text");
        assertThat(text.getWidget()).isEqualTo(Widget.TEXTAREA);
        assertThat(text.getLabel()).isEqualTo("Text to reverse");
        assertThat(text.isRequired()).isTrue();
        assertThat(text.getMaxLength()).isEqualTo(10_000);
        assertThat(field("sentiment", "text").getLabel()).isEqualTo("Text to analyse");
    }

    @Test
    void numbersCheckboxesAndChoicesGetTheirOwnWidgetsAndLimits() {
        assertThat(form("resize").getFields()).extracting(FormField::getWidget)
                .containsExactly(Widget.INPUT, Widget.INPUT, Widget.INPUT, Widget.CHECKBOX, Widget.SELECT);

        FormField url = field("resize", "url");
        assertThat(url.getHelp()).isEqualTo("where the image is");
        assertThat(url.getMaxLength()).isEqualTo(200);
        assertThat(url.isRequired()).isTrue();
        FormField unlimited = field("hidden", "anything");
        assertThat(unlimited.getWidget()).as("a text of any length").isEqualTo(Widget.TEXTAREA);
        assertThat(unlimited.getMaxLength()).isNull();
        assertThat(unlimited.isRequired()).isFalse();

        FormField width = field("resize", "width");
        assertThat(width.getLabel()).isEqualTo("Width");
        assertThat(width.getInputType()).isEqualTo("number");
        assertThat(width.getStep()).isEqualTo("1");
        assertThat(width.getMin()).isEqualTo(16);
        assertThat(width.getMax()).isEqualTo(4096);
        assertThat(width.isRequired()).as("a primitive int").isTrue();
        assertThat(width.getMaxLength()).isNull();

        FormField quality = field("resize", "quality");
        assertThat(quality.getInputType()).isEqualTo("number");
        assertThat(quality.getStep()).isEqualTo("any");
        assertThat(quality.getMin()).isEqualTo(0);
        assertThat(quality.getMax()).isEqualTo(1);
        assertThat(quality.isRequired()).isFalse();

        FormField keep = field("resize", "keepMetadata");
        assertThat(keep.getLabel()).isEqualTo("Keep metadata");
        assertThat(keep.isRequired()).as("unticked is an answer").isFalse();
        assertThat(keep.getStep()).isNull();

        FormField format = field("resize", "format");
        assertThat(format.getChoices()).containsExactly("PNG", "JPEG");
        assertThat(format.isRequired()).isTrue();
        assertThat(format.getMin()).isNull();
    }

    @Test
    void whatTheUserTypedGoesToTheServiceAsTextInFieldOrderAndAnAcceptedFormIsCleared() {
        TaskForm resize = form("resize");
        resize.getValues().put("keepMetadata", Boolean.TRUE);
        resize.getValues().put("width", "300");
        resize.getValues().put("url", "");

        Map<String, String> sent = resize.submittedValues();

        assertThat(sent).containsExactly(Map.entry("url", ""), Map.entry("width", "300"),
                Map.entry("keepMetadata", "true"));
        assertThat(resize.hasField("width")).isTrue();
        assertThat(resize.hasField("input")).isFalse();

        resize.invalid("input: cannot be read");
        assertThat(resize.getRefusal()).isEqualTo("input: cannot be read");
        assertThat(resize.getValues()).as("kept for another try").containsKey("width");
        resize.invalid("");
        assertThat(resize.getRefusal()).isNull();

        resize.accepted("id-1");
        assertThat(resize.getAcceptedId()).isEqualTo("id-1");
        assertThat(resize.getValues()).isEmpty();
        assertThat(resize.submittedValues()).isEmpty();
        assertThat(resize.getRefusal()).isNull();
    }

    @Test
    void everyFormHasAnOptionalRunAtFieldWhoseValueGoesToTheServiceButNotIntoTheTasksInput() {
        TaskForm reverse = form("reverse");
        FormField runAt = reverse.getRunAt();
        assertThat(runAt.getName()).isEqualTo("run_at").isEqualTo(TaskForm.RUN_AT);
        assertThat(runAt.getLabel()).isEqualTo("Run at / in");
        assertThat(runAt.getHelp()).isEqualTo("blank: now; 30 or PT30S: in 30 s; 2026-12-02T10:00:00Z: at that time");
        assertThat(runAt.getWidget()).isEqualTo(Widget.INPUT);
        assertThat(runAt.getInputType()).isEqualTo("text");
        assertThat(runAt.isRequired()).isFalse();
        assertThat(reverse.getFields()).extracting(FormField::getName).as("the kind's fields only")
                .containsExactly("text");
        assertThat(reverse.hasField("run_at")).as("its messages are shown at the field").isTrue();

        reverse.getValues().put("text", "abc");
        reverse.getValues().put("run_at", "  ");
        assertThat(reverse.submittedValues()).as("blank: now").containsExactly(Map.entry("text", "abc"));

        reverse.getValues().put("run_at", " PT30S ");
        Map<String, String> sent = reverse.submittedValues();
        assertThat(sent).containsExactly(Map.entry("text", "abc"), Map.entry("run_at", "PT30S"));
        assertThat(TaskForm.inputOf(sent)).containsExactly(Map.entry("text", "abc"));

        reverse.accepted("id-2");
        assertThat(reverse.getValues()).as("cleared too").isEmpty();
    }
}
