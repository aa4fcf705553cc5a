package dev.taskq.bench.instance;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Deletes what a system under test declared on the broker (default port and credentials, guest/guest). */
final class RabbitCleanup {
    private RabbitCleanup() {
    }

    static void delete(String host, List<String> queues, List<String> exchanges) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        try (Connection connection = factory.newConnection("taskq-bench cleanup");
                Channel channel = connection.createChannel()) {
            for (String queue : queues) {
                channel.queueDelete(queue);
            }
            for (String exchange : exchanges) {
                channel.exchangeDelete(exchange);
            }
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }
}
