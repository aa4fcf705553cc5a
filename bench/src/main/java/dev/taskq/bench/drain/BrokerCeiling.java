package dev.taskq.bench.drain;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ consume+ack alone: N persistent messages (of a task message's size) put on a durable queue of its own,
 * then drained by 4 consumers with the worker's prefetch, each acking every message on its own (as taskq does),
 * timed from the first delivery to the last ack. Prints a markdown line. Arguments: N (10 000), consumers (4).
 */
public final class BrokerCeiling {
    private BrokerCeiling() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int consumers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int prefetch = 4;
        String queue = "drain-ceiling-" + UUID.randomUUID().toString().substring(0, 8);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getProperty("bench.rabbitmq.host", "127.0.0.1"));
        byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"reverse\",\"input\":{\"text\":\"drain text"
                + " 1234\"},\"submitted_at\":\"2026-12-02T15:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        try (Connection connection = factory.newConnection()) {
            Channel publisher = connection.createChannel();
            publisher.queueDeclare(queue, true, false, false, null);
            publisher.confirmSelect();
            for (int i = 0; i < messages; i++) {
                publisher.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, body);
            }
            publisher.waitForConfirmsOrDie(60_000);
            CountDownLatch done = new CountDownLatch(messages);
            long[] first = {0};
            for (int c = 0; c < consumers; c++) {
                Channel channel = connection.createChannel();
                channel.basicQos(prefetch);
                channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                            byte[] payload) throws java.io.IOException {
                        synchronized (first) {
                            if (first[0] == 0) {
                                first[0] = System.nanoTime();
                            }
                        }
                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                        done.countDown();
                    }
                });
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(done.getCount() + " messages not consumed in 5 minutes");
            }
            double seconds = (System.nanoTime() - first[0]) / 1e9;
            System.out.printf("RabbitMQ consume+ack alone (Java client, %d consumers, prefetch %d, one ack per"
                    + " message, %d persistent messages): %.0f messages/s%n", consumers, prefetch, messages,
                    messages / seconds);
            publisher.queueDelete(queue);
        }
    }
}
