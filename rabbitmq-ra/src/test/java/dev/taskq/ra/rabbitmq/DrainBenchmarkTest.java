package dev.taskq.ra.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.client.RMQSession;

/**
 * Compares the adapter's asynchronous consumers with the alternative design (long-lived threads polling with
 * rabbitmq-jms' synchronous receive(timeout)): time to drain N small messages with a no-op endpoint and 4
 * consumers, and the process CPU time used while idle. Not part of the normal build:
 * {@code mvn -f rabbitmq-ra/pom.xml test -Dtest=DrainBenchmarkTest -Dra.benchmark=true}
 */
@EnabledIfSystemProperty(named = "ra.benchmark", matches = "true")
class DrainBenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("ra.benchmark.messages", 2000);
    private static final int CONSUMERS = 4;
    private static final Duration IDLE = Duration.ofSeconds(5);

    @Test
    void drain() throws Exception {
        List<String> results = new ArrayList<>();
        for (int round = 0; round < Integer.getInteger("ra.benchmark.rounds", 3); round++) {
            results.add(async(1));
            results.add(async(10));
            results.add(syncReceive());
        }
        System.out.println("\n==== drain " + MESSAGES + " messages, " + CONSUMERS + " consumers, no-op endpoint ====");
        results.forEach(System.out::println);
    }

    private String async(int prefetch) throws Exception {
        String queue = "ra-test-bench-" + UUID.randomUUID();
        try (TestBroker broker = new TestBroker()) {
            try {
                broker.publish(queue, TestBroker.texts("b-", 0, MESSAGES));
                TestBootstrapContext ctx = new TestBootstrapContext();
                RabbitMQResourceAdapter ra = new RabbitMQResourceAdapter();
                ra.start(ctx);
                TestEndpointFactory endpoints = new TestEndpointFactory();
                RabbitMQActivationSpec spec = new RabbitMQActivationSpec();
                spec.setDestination(queue);
                spec.setHost(TestBroker.HOST);
                spec.setConsumers(String.valueOf(CONSUMERS));
                spec.setPrefetch(String.valueOf(prefetch));
                spec.setResourceAdapter(ra);
                long start = System.nanoTime();
                ra.endpointActivation(endpoints, spec);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                        .until(() -> endpoints.succeeded().size() >= MESSAGES);
                long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                long idleCpuMs = idleCpuMs();
                ra.endpointDeactivation(endpoints, spec);
                ra.stop();
                ctx.shutdown();
                assertThat(broker.messageCount(queue)).isZero();
                return String.format("async basic.consume, prefetch %-3d: drain %5d ms (%5.0f msg/s), idle CPU %4d ms per %d s",
                        prefetch, drainMs, MESSAGES * 1000.0 / drainMs, idleCpuMs, IDLE.toSeconds());
            } finally {
                broker.deleteQueue(queue);
            }
        }
    }

    /** the alternative design: one long-lived thread per consumer looping on receive(timeout) */
    private String syncReceive() throws Exception {
        String queue = "ra-test-bench-" + UUID.randomUUID();
        try (TestBroker broker = new TestBroker()) {
            try {
                broker.publish(queue, TestBroker.texts("b-", 0, MESSAGES));
                TestEndpointFactory endpoints = new TestEndpointFactory();
                ExecutorService threads = Executors.newFixedThreadPool(CONSUMERS);
                List<Connection> connections = new ArrayList<>();
                RMQConnectionFactory cf = new RMQConnectionFactory();
                cf.setHost(TestBroker.HOST);
                cf.setPort(TestBroker.PORT);
                cf.setChannelsQos(1);
                var stop = new java.util.concurrent.atomic.AtomicBoolean();
                long start = System.nanoTime();
                for (int i = 0; i < CONSUMERS; i++) {
                    Connection c = cf.createConnection();
                    connections.add(c);
                    Session s = c.createSession(false, RMQSession.CLIENT_INDIVIDUAL_ACKNOWLEDGE);
                    MessageConsumer consumer = s.createConsumer(TestBroker.amqpQueue(queue));
                    c.start();
                    threads.execute(() -> {
                        while (!stop.get()) {
                            try {
                                Message m = consumer.receive(1000);
                                if (m == null) {
                                    continue;
                                }
                                MessageEndpoint ep = endpoints.createEndpoint(null);
                                ep.beforeDelivery(QueueConsumer.ON_MESSAGE);
                                ((MessageListener) ep).onMessage(m);
                                ep.afterDelivery();
                                ep.release();
                                m.acknowledge();
                            } catch (Exception e) {
                                if (!stop.get()) {
                                    e.printStackTrace();
                                }
                            }
                        }
                    });
                }
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                        .until(() -> endpoints.succeeded().size() >= MESSAGES);
                long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                int consumersSeenByBroker = broker.consumerCount(queue);
                long idleCpuMs = idleCpuMs();
                stop.set(true);
                threads.shutdown();
                threads.awaitTermination(5, TimeUnit.SECONDS);
                for (Connection c : connections) {
                    c.close();
                }
                assertThat(broker.messageCount(queue)).isZero();
                return String.format("sync receive(1000) polling    : drain %5d ms (%5.0f msg/s), idle CPU %4d ms per %d s, broker sees %d consumers",
                        drainMs, MESSAGES * 1000.0 / drainMs, idleCpuMs, IDLE.toSeconds(), consumersSeenByBroker);
            } finally {
                broker.deleteQueue(queue);
            }
        }
    }

    private static long idleCpuMs() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(1000); // let JIT and GC activity of the drain settle
        long before = os.getProcessCpuTime();
        Thread.sleep(IDLE.toMillis());
        return TimeUnit.NANOSECONDS.toMillis(os.getProcessCpuTime() - before);
    }
}
