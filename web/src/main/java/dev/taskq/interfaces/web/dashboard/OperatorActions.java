package dev.taskq.interfaces.web.dashboard;

import jakarta.faces.context.FacesContext;

/** What the dashboard's action beans share: who the operator is, and what they say when a backing service is down. */
final class OperatorActions {
    /** The notice of an action that met Redis or RabbitMQ down. */
    static final String BACKEND_DOWN = "Redis or RabbitMQ is not reachable; nothing was changed. Try again in a moment.";

    private OperatorActions() {
    }

    /** The logged-in operator's name, as the history and the logs record who acted. */
    static String operator() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "an operator" : principal.getName();
    }
}
