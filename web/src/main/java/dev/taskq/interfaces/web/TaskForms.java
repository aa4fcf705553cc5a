package dev.taskq.interfaces.web;

import dev.taskq.application.AcceptedTask;
import dev.taskq.application.InvalidTaskException;
import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskKinds;
import dev.taskq.application.TaskSubmissionService;
import dev.taskq.domain.TaskKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The forms of the main page: one per task kind that offers one ({@code @TaskDefinition(ui = true)}), made from the
 * kind's input fields. Submitting goes through the same submission service and rules as the REST API, and its answer
 * is translated here: accepted (confirmation, the form clears, the task joins {@link RecentTasks} in the state the
 * service answered: PENDING, or SCHEDULED when "Run at / in" was given), invalid
 * (messages at the fields) or refused because RabbitMQ or Redis is down (a message on the form).
 */
@Named
@RequestScoped
public class TaskForms {
    static final String QUEUE_DOWN = "The task queue is not reachable right now, so the task was not submitted. "
            + "Please try again in a moment.";
    static final String STORE_DOWN = "The task store is not reachable right now, so the task was not submitted. "
            + "Please try again in a moment.";

    @Inject
    TaskSubmissionService submissions;
    @Inject
    TaskKinds kinds;
    @Inject
    RecentTasks recent;
    @Inject
    Clock clock;

    private List<TaskForm> forms;

    @PostConstruct
    void makeForms() {
        forms = kinds.all().stream().filter(TaskKind::ui).map(TaskForm::new).toList();
    }

    /** The forms, ordered by kind name. */
    public List<TaskForm> getForms() {
        return forms;
    }

    /** Submits what {@code form} holds. */
    public void submit(TaskForm form) {
        try {
            Map<String, String> values = form.submittedValues();
            AcceptedTask accepted = submissions.submitForm(form.getKind().name(), values);
            recent.add(ShownTask.submitted(accepted, form.getKind(), TaskForm.inputOf(values), clock.instant()));
            form.accepted(accepted.id());
        } catch (InvalidTaskException e) {
            List<FieldViolation> atFields = e.violations().stream().filter(v -> form.hasField(v.field())).toList();
            form.invalid(e.violations().stream().filter(v -> !form.hasField(v.field()))
                    .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
            showAtFields(form, atFields);
        } catch (QueueUnavailableException e) {
            form.refused(QUEUE_DOWN);
        } catch (StoreUnavailableException e) {
            form.refused(STORE_DOWN);
        }
    }

    /** Shows each broken rule at its field, as Faces does for the rules it checks itself. */
    void showAtFields(TaskForm form, List<FieldViolation> violations) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (FieldViolation violation : violations) {
            String clientId = form.getId() + UINamingContainer.getSeparatorChar(faces) + violation.field();
            if (faces.getViewRoot().findComponent(clientId) instanceof EditableValueHolder field) {
                field.setValid(false);
            }
            faces.addMessage(clientId,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.message(), violation.message()));
        }
        faces.validationFailed();
    }
}
