package dev.taskq.interfaces.web;

import dev.taskq.application.InvalidTaskException;
import dev.taskq.application.InvalidTaskException.FieldViolation;
import dev.taskq.application.QueueUnavailableException;
import dev.taskq.application.StoreUnavailableException;
import dev.taskq.application.TaskSubmissionService;
import dev.taskq.domain.EmailTask;
import dev.taskq.domain.TaskKind;
import dev.taskq.domain.TextTask;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/**
 * The three forms of the main page (send email, reverse text, sentiment). Faces checks each field against the
 * domain input's Bean Validation rules before {@link #submit} runs; the submission service checks them again and
 * its answer is translated here: accepted (confirmation, the form clears, the task joins {@link RecentTasks}),
 * invalid (messages at the fields) or refused because RabbitMQ or Redis is down (a message on the form).
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
    RecentTasks recent;
    @Inject
    Clock clock;

    private final TaskForm<EmailTask> email = new TaskForm<>(TaskKind.EMAIL, EmailTask::new);
    private final TaskForm<TextTask> reverse = new TaskForm<>(TaskKind.REVERSE, () -> new TextTask(TaskKind.REVERSE));
    private final TaskForm<TextTask> sentiment = new TaskForm<>(TaskKind.SENTIMENT,
            () -> new TextTask(TaskKind.SENTIMENT));

    public TaskForm<EmailTask> getEmail() {
        return email;
    }

    public TaskForm<TextTask> getReverse() {
        return reverse;
    }

    public TaskForm<TextTask> getSentiment() {
        return sentiment;
    }

    /** Submits what {@code form} holds. */
    public void submit(TaskForm<?> form) {
        try {
            String id = submissions.submit(form.getInput());
            recent.add(ShownTask.submitted(id, form.getInput(), clock.instant()));
            form.accepted(id);
        } catch (InvalidTaskException e) {
            markInvalid(form, e);
        } catch (QueueUnavailableException e) {
            form.refused(QUEUE_DOWN);
        } catch (StoreUnavailableException e) {
            form.refused(STORE_DOWN);
        }
    }

    /** Shows each broken rule at its field, as Faces does for the rules it checks itself. */
    private static void markInvalid(TaskForm<?> form, InvalidTaskException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (FieldViolation violation : e.violations()) {
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
