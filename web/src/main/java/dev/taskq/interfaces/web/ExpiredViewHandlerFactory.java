package dev.taskq.interfaces.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form posted with a view state the server does not know — the session expired, the server restarted, or the
 * state was forged — is not a server error: the browser is sent to a fresh copy of the page (a redirect) instead of
 * an HTTP 500. Registered in {@code faces-config.xml}.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {
    private static final Logger LOG = Logger.getLogger(ExpiredViewHandlerFactory.class.getName());

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                        events.hasNext(); ) {
                    if (isExpiredView(events.next().getContext().getException())) {
                        events.remove();
                        reloadPage();
                    }
                }
                getWrapped().handle();
            }
        };
    }

    private static boolean isExpiredView(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static void reloadPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        LOG.fine(() -> "unknown view state for " + external.getRequestServletPath() + "; page reloaded");
        try {
            external.redirect(external.getRequestContextPath() + external.getRequestServletPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FacesException e) {
            LOG.fine(() -> "could not redirect after an expired view: " + e);
        }
        faces.responseComplete();
    }
}
