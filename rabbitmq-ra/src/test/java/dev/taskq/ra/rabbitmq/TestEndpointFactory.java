package dev.taskq.ra.rabbitmq;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.transaction.xa.XAResource;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Plain-Java stand-in for the container's message-driven bean machinery: records every delivery, tracks concurrency,
 * can fail deliveries and can throw {@link UnavailableException} from createEndpoint like an exhausted bean pool.
 */
final class TestEndpointFactory implements MessageEndpointFactory {

    /** what the "bean" does with a message; throwing = onMessage fails */
    interface Handler {
        void handle(Message message, String text) throws Exception;
    }

    record Delivery(String text, String messageId, boolean redelivered, boolean succeeded, String thread, long startNanos) {
    }

    volatile Handler handler = (m, t) -> { };
    final AtomicInteger unavailableRemaining = new AtomicInteger();
    /** like a bean pool's maximum: createEndpoint throws UnavailableException while this many are created and not released */
    volatile int maxLive = Integer.MAX_VALUE;
    final AtomicInteger unavailableThrown = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    /** beforeDelivery … afterDelivery cycles completed, over all endpoints */
    final AtomicInteger completedCycles = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<String> protocolErrors = new CopyOnWriteArrayList<>();

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (unavailableRemaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || !reserveLive()) {
            unavailableThrown.incrementAndGet();
            throw new UnavailableException("test: no bean instance available");
        }
        return new Endpoint();
    }

    private synchronized boolean reserveLive() {
        if (created.get() - released.get() >= maxLive) {
            return false;
        }
        created.incrementAndGet();
        return true;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "test-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    List<Delivery> succeeded() {
        return deliveries.stream().filter(Delivery::succeeded).collect(Collectors.toList());
    }

    List<String> succeededTexts() {
        return succeeded().stream().map(Delivery::text).collect(Collectors.toList());
    }

    Map<String, Long> successCountByText() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        for (Delivery d : succeeded()) {
            counts.merge(d.text(), 1L, Long::sum);
        }
        return counts;
    }

    List<Delivery> deliveriesOf(String text) {
        List<Delivery> result = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (d.text().equals(text)) {
                result.add(d);
            }
        }
        return result;
    }

    final class Endpoint implements MessageEndpoint, MessageListener {
        private boolean before;
        private boolean delivered;
        private boolean releasedFlag;

        @Override
        public void beforeDelivery(Method method) throws NoSuchMethodException, ResourceException {
            if (!method.equals(QueueConsumer.ON_MESSAGE)) {
                protocolErrors.add("beforeDelivery with " + method);
            }
            if (before || releasedFlag) {
                protocolErrors.add("beforeDelivery during a delivery or after release");
            }
            before = true;
        }

        @Override
        public void onMessage(Message message) {
            if (!before || delivered) {
                protocolErrors.add("onMessage without beforeDelivery or twice");
            }
            delivered = true;
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            started.incrementAndGet();
            long startNanos = System.nanoTime();
            String text = "?";
            String id = "?";
            boolean redelivered = false;
            boolean ok = false;
            try {
                text = message instanceof TextMessage t ? t.getText()
                        : new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
                id = message.getJMSMessageID();
                redelivered = message.getJMSRedelivered();
                handler.handle(message, text);
                ok = true;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);
            } finally {
                deliveries.add(new Delivery(text, id, redelivered, ok, Thread.currentThread().getName(), startNanos));
                concurrent.decrementAndGet();
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            if (!before || !delivered) {
                protocolErrors.add("afterDelivery out of order");
            }
            // one delivery cycle is complete: the adapter may start the next one on this endpoint
            before = false;
            delivered = false;
            completedCycles.incrementAndGet();
        }

        @Override
        public void release() {
            if (releasedFlag) {
                protocolErrors.add("release called twice");
            }
            releasedFlag = true;
            released.incrementAndGet();
        }
    }

    static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
