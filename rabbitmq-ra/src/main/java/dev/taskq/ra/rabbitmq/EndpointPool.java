package dev.taskq.ra.rabbitmq;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The message endpoints of one endpoint activation, shared by the consumers of all its queues and reused from one
 * delivery to the next (JCA allows any number of {@code beforeDelivery … afterDelivery} cycles on one endpoint before
 * its {@code release}).
 *
 * <p>Creating an endpoint costs the container a listener and a proxy (Payara: a {@code MessageBeanListener} counted
 * against the bean pool's maximum, and a dynamic proxy); doing it once per message was a measurable part of a
 * delivery. A consumer takes an idle endpoint, or creates one when none is idle, and gives it back after a delivery
 * that went well; an endpoint whose delivery failed is released instead, so that a broken bean instance is never
 * reused. Endpoints therefore never outnumber the deliveries that ran at the same time, and because the idle ones are
 * shared by every queue of the activation, one queue's idle endpoints never keep another queue from delivering. On
 * deactivation the idle endpoints are released; one given back later is released at once.</p>
 */
final class EndpointPool {

    private static final Logger LOG = Logger.getLogger(EndpointPool.class.getName());

    private final MessageEndpointFactory factory;
    private final ConcurrentLinkedDeque<MessageEndpoint> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    EndpointPool(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    /**
     * An idle endpoint, else a new one from the factory.
     *
     * @throws UnavailableException when none is idle and the container has no instance available right now
     */
    MessageEndpoint take() throws UnavailableException {
        MessageEndpoint endpoint = idle.pollFirst();
        return endpoint != null ? endpoint : factory.createEndpoint(null);
    }

    /** Gives back an endpoint whose delivery completed: kept for the next delivery, or released once closed. */
    void giveBack(MessageEndpoint endpoint) {
        if (closed) {
            release(endpoint);
            return;
        }
        idle.offerFirst(endpoint);
        if (closed && idle.removeFirstOccurrence(endpoint)) {
            release(endpoint); // closed meanwhile: close() may have drained the deque before the offer
        }
    }

    /** Releases an endpoint that is not to be used again (its delivery failed). */
    void discard(MessageEndpoint endpoint) {
        release(endpoint);
    }

    /** Releases the idle endpoints; endpoints given back from now on are released at once. */
    void close() {
        closed = true;
        MessageEndpoint endpoint;
        while ((endpoint = idle.pollFirst()) != null) {
            release(endpoint);
        }
    }

    private static void release(MessageEndpoint endpoint) {
        try {
            endpoint.release();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MessageEndpoint.release() failed", e);
        }
    }
}
