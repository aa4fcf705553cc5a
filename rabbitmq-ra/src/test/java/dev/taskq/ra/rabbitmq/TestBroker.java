package dev.taskq.ra.rabbitmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;

/**
 * Access to the shared test broker. Only ever touches the queues and connections of the calling test: queues are
 * named ra-test-&lt;uuid&gt;, connections are found by their client-provided name.
 */
final class TestBroker implements AutoCloseable {

    static final String HOST = System.getProperty("rabbitmq.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("rabbitmq.port", 5672);

    private final Connection admin;

    TestBroker() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setAutomaticRecoveryEnabled(false);
        admin = factory.newConnection("rabbitmq-ra-test-admin");
    }

    /** ready messages (not counting unacknowledged ones), or -1 if the queue does not exist */
    long messageCount(String queue) throws IOException, TimeoutException {
        AMQP.Queue.DeclareOk ok = passive(queue);
        return ok == null ? -1 : ok.getMessageCount();
    }

    /** consumers (basic.consume subscriptions) on the queue, or -1 if the queue does not exist */
    int consumerCount(String queue) throws IOException, TimeoutException {
        AMQP.Queue.DeclareOk ok = passive(queue);
        return ok == null ? -1 : ok.getConsumerCount();
    }

    private AMQP.Queue.DeclareOk passive(String queue) throws IOException, TimeoutException {
        Channel channel = admin.createChannel();
        try {
            return channel.queueDeclarePassive(queue);
        } catch (IOException e) {
            return null; // 404: the broker closed the channel
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    void deleteQueue(String queue) {
        try {
            Channel channel = admin.createChannel();
            channel.queueDelete(queue);
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // best effort
        }
    }

    /**
     * Publishes persistent text messages as plain AMQP messages with the header {@code JMSType: TextMessage}, as
     * taskq's producer does (a rabbitmq-jms producer to an AMQP destination, the queue declared like a JMS queue).
     */
    void publish(String queue, List<String> texts) throws JMSException {
        RMQConnectionFactory cf = new RMQConnectionFactory();
        cf.setHost(HOST);
        cf.setPort(PORT);
        cf.setKeepTextMessageType(true);
        jakarta.jms.Connection connection = cf.createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createQueue(queue);
            MessageProducer producer = session.createProducer(amqpQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        } finally {
            connection.close();
        }
    }

    /** Publishes one message with the AMQP client itself, as any AMQP client (pika, amqp-client) sends it. */
    void publishAmqp(String queue, AMQP.BasicProperties properties, byte[] body) throws IOException, TimeoutException {
        Channel channel = admin.createChannel();
        try {
            channel.basicPublish("", queue, properties, body);
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    /** The queue as a plain AMQP destination: default exchange, routing key and queue {@code queue}. */
    static RMQDestination amqpQueue(String queue) {
        return new RMQDestination(queue, "", queue, queue);
    }

    static List<String> texts(String prefix, int from, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    static boolean rabbitmqctlAvailable() {
        try {
            Process p = new ProcessBuilder("rabbitmqctl", "list_connections", "-q", "--no-table-headers", "pid")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** the messages of {@code queue} delivered and not acknowledged yet, as rabbitmqctl reports them */
    static long unacknowledged(String queue) throws IOException, InterruptedException {
        String out = run("rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name", "messages_unacknowledged");
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\t");
            if (fields.length == 2 && fields[0].equals(queue)) {
                return Long.parseLong(fields[1].trim());
            }
        }
        throw new IOException("queue " + queue + " not listed by rabbitmqctl: " + out);
    }

    /** pids of the connections whose client-provided name starts with {@code namePrefix} */
    static List<String> connectionPids(String namePrefix) throws IOException, InterruptedException {
        String out = run("rabbitmqctl", "list_connections", "-q", "--no-table-headers", "pid", "client_properties");
        List<String> pids = new ArrayList<>();
        String marker = "{\"connection_name\",\"" + namePrefix;
        for (String line : out.split("\n")) {
            if (line.contains(marker)) {
                pids.add(line.substring(0, line.indexOf('\t')).trim());
            }
        }
        return pids;
    }

    /** Closes (broker side) only the connections whose client-provided name starts with {@code namePrefix}. */
    static int closeConnections(String namePrefix) throws IOException, InterruptedException {
        List<String> pids = connectionPids(namePrefix);
        for (String pid : pids) {
            run("rabbitmqctl", "close_connection", pid, "rabbitmq-ra test: simulated connection loss");
        }
        return pids.size();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        admin.close();
    }
}
