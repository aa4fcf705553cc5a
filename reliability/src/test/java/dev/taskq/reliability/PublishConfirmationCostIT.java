package dev.taskq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import dev.taskq.reliability.lab.FaultLab;
import dev.taskq.reliability.lab.PrivateRabbitMq;
import dev.taskq.reliability.lab.Summary;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What it costs to know that RabbitMQ has a message before answering 202 — the two ways rabbitmq-jms offers: a
 * transacted session ({@code send} + {@code commit}, what taskq's publisher does) and publisher confirms (JMS 2
 * asynchronous {@code send} with a {@code CompletionListener}, waited for). Persistent messages to a durable queue
 * on the lab's RabbitMQ node, one message per wait as in a request, from 1 and from 8 threads. Both must deliver
 * every message; the numbers go into the summary.
 */
class PublishConfirmationCostIT {
    /** Divisible by every thread count. */
    private static final int MESSAGES = 1_600;
    private static final String BODY = "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"type\":\"reverse\","
            + "\"parameters\":{\"text\":\"a message of about the size of a task\"},"
            + "\"submittedAt\":\"2026-01-01T00:00:00Z\"}";

    private enum Way {
        TRANSACTED, CONFIRMED
    }

    @Test
    void bothWaysDeliverEveryMessageAndWhatEachCostsIsMeasured() throws Exception {
        PrivateRabbitMq broker = FaultLab.get().broker();
        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(broker.port());
        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            for (Way way : Way.values()) {
                String queue = "taskq.reliability.publish-cost." + way.name().toLowerCase() + "." + threads;
                long nanos = publish(factory, queue, way, threads);
                long delivered = broker.depth(queue);
                deleteQueue(broker, queue);
                assertThat(delivered).as("%s messages on %s", way, queue).isEqualTo(MESSAGES);
                lines.add(String.format("%s, %d thread(s): %.0f messages/s, %.2f ms per message and thread", way,
                        threads, MESSAGES / (nanos / 1e9), nanos / 1e6 / (MESSAGES / (double) threads)));
            }
        }
        lines.forEach(line -> System.out.println("publish cost: " + line));
        Summary.note("Publishing " + MESSAGES + " persistent messages, each confirmed before the next: "
                + String.join("; ", lines) + ".");
    }

    private static long publish(RMQConnectionFactory factory, String queueName, Way way, int threads)
            throws Exception {
        try (Connection connection = factory.createConnection()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> runs = new ArrayList<>();
                long began = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> {
                        send(connection, queueName, way, MESSAGES / threads);
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(2, TimeUnit.MINUTES);
                }
                return System.nanoTime() - began;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void send(Connection connection, String queueName, Way way, int count) throws Exception {
        try (Session session = connection.createSession(way == Way.TRANSACTED, way == Way.TRANSACTED
                ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            Queue queue = session.createQueue(queueName);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < count; i++) {
                Message message = session.createTextMessage(BODY);
                if (way == Way.TRANSACTED) {
                    producer.send(message);
                    session.commit();
                } else {
                    CompletableFuture<Void> confirmed = new CompletableFuture<>();
                    producer.send(message, new CompletionListener() {
                        @Override
                        public void onCompletion(Message m) {
                            confirmed.complete(null);
                        }

                        @Override
                        public void onException(Message m, Exception e) {
                            confirmed.completeExceptionally(e);
                        }
                    });
                    confirmed.get(10, TimeUnit.SECONDS);
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQueue(PrivateRabbitMq broker, String queue) throws Exception {
        try (com.rabbitmq.client.Connection connection = broker.connect();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }
}
