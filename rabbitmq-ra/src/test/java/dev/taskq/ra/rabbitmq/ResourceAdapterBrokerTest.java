package dev.taskq.ra.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.rabbitmq.client.AMQP;
import dev.taskq.ra.rabbitmq.TestEndpointFactory.Delivery;

/**
 * Drives the resource adapter without an application server (test doubles for the container) against the real
 * RabbitMQ broker. Every test uses its own queue ra-test-&lt;uuid&gt; and deletes it afterwards; connections are
 * only closed when they are the test's own (client-provided name rabbitmq-ra:&lt;queue&gt;:&lt;n&gt;).
 */
class ResourceAdapterBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestBroker broker;
    private TestBootstrapContext ctx;
    private RabbitMQResourceAdapter ra;
    private TestEndpointFactory endpoints;
    private String queue;
    private RabbitMQActivationSpec activeSpec;
    private final List<LogRecord> activationLog = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                activationLog.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker();
        queue = "ra-test-" + UUID.randomUUID();
        ctx = new TestBootstrapContext();
        ra = new RabbitMQResourceAdapter();
        ra.start(ctx);
        endpoints = new TestEndpointFactory();
        Logger.getLogger(QueueActivation.class.getName()).addHandler(logCapture);
    }

    @AfterEach
    void tearDown() throws Exception {
        Logger.getLogger(QueueActivation.class.getName()).removeHandler(logCapture);
        try {
            if (activeSpec != null) {
                deactivate();
            }
            ra.stop();
            ctx.shutdown();
        } finally {
            broker.deleteQueue(queue);
            broker.close();
            TestConfigProviderResolver.VALUES.clear();
        }
        assertThat(endpoints.protocolErrors).as("MessageEndpoint call protocol").isEmpty();
        assertThat(endpoints.released.get()).as("every created endpoint released").isEqualTo(endpoints.created.get());
    }

    private RabbitMQActivationSpec spec(int consumers) {
        RabbitMQActivationSpec spec = new RabbitMQActivationSpec();
        spec.setDestination(queue);
        spec.setHost(TestBroker.HOST);
        spec.setPort(String.valueOf(TestBroker.PORT));
        spec.setConsumers(String.valueOf(consumers));
        spec.setReconnectInitialDelayMs("200");
        spec.setReconnectMaxDelayMs("1000");
        spec.setRedeliveryDelayMs("300");
        spec.setShutdownTimeoutMs("10000");
        return spec;
    }

    private void activate(RabbitMQActivationSpec spec) throws Exception {
        spec.setResourceAdapter(ra);
        spec.validate();
        ra.endpointActivation(endpoints, spec);
        activeSpec = spec;
    }

    private void deactivate() {
        RabbitMQActivationSpec spec = activeSpec;
        activeSpec = null;
        ra.endpointDeactivation(endpoints, spec);
    }

    private QueueActivation activation() {
        return ra.activations().iterator().next();
    }

    private void awaitConsumers(int n) {
        await().atMost(TIMEOUT).until(() -> broker.consumerCount(queue) == n
                && activation().consumers().stream().allMatch(QueueConsumer::isConnected));
    }

    /**
     * Publishing is not confirmed and a requeue on channel close is asynchronous: the broker's count catches up a moment
     * later, so wait for it (an exact count that never arrives still fails the test).
     */
    private void awaitMessagesInQueue(long n) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(broker.messageCount(queue)).isEqualTo(n));
    }

    private void awaitSucceeded(int n) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints.succeeded()).hasSize(n));
    }

    private static void assertEachExactlyOnce(TestEndpointFactory endpoints, List<String> texts) {
        assertThat(endpoints.succeededTexts()).containsExactlyInAnyOrderElementsOf(texts);
    }

    /** (1) 20 persistent messages, 4 consumers, 100 ms each: all delivered once, concurrency exactly 4. */
    @Test
    void fourConsumersBoundConcurrencyAndEveryMessageIsDeliveredAndAcknowledged() throws Exception {
        // the destination comes from (test) MicroProfile Config through a placeholder
        TestConfigProviderResolver.VALUES.put("ra.test.queue", queue);
        RabbitMQActivationSpec spec = spec(4);
        spec.setDestination("${ra.test.queue}");
        endpoints.handler = (m, text) -> Thread.sleep(100);
        activate(spec);
        // basic.consume, not basic.get polling: the broker sees 4 consumers on the queue
        awaitConsumers(4);
        if (TestBroker.rabbitmqctlAvailable()) {
            assertThat(TestBroker.connectionPids("rabbitmq-ra:" + queue + ":")).as("one named connection per consumer").hasSize(4);
        }

        List<String> texts = TestBroker.texts("m-", 0, 20);
        broker.publish(queue, texts);
        awaitSucceeded(20);

        assertEachExactlyOnce(endpoints, texts);
        assertThat(endpoints.maxConcurrent.get()).isEqualTo(4);
        assertThat(endpoints.deliveries).noneMatch(Delivery::redelivered);
        // an endpoint serves one delivery after another: no more were created than ran at once
        assertThat(endpoints.completedCycles.get()).isEqualTo(20);
        assertThat(endpoints.created.get()).as("endpoints created for 20 deliveries").isBetween(1, 4);
        await().atMost(TIMEOUT).until(() -> broker.messageCount(queue) == 0);
        deactivate();
        // closing the connections would have requeued anything left unacknowledged (asynchronously: watch a while)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> broker.messageCount(queue) == 0);
        assertThat(broker.consumerCount(queue)).isZero();
        assertThat(endpoints.deliveries).hasSize(20);
    }

    /**
     * Two queues of one activation, 4 consumers each, and a container that allows 4 endpoints at a time (a bean pool
     * of 4): the endpoints the first queue used and now holds idle are taken by the second queue's consumers, which
     * therefore deliver everything instead of waiting for an endpoint forever.
     */
    @Test
    void theQueuesOfOneActivationShareItsEndpoints() throws Exception {
        String other = queue + ".other";
        try {
            endpoints.maxLive = 4;
            endpoints.handler = (m, text) -> Thread.sleep(10);
            RabbitMQActivationSpec spec = spec(4);
            spec.setDestination(queue + ":4," + other + ":4");
            activate(spec);
            await().atMost(TIMEOUT).until(() -> broker.consumerCount(queue) == 4 && broker.consumerCount(other) == 4);

            List<String> first = TestBroker.texts("a-", 0, 20);
            broker.publish(queue, first);
            awaitSucceeded(20);
            List<String> second = TestBroker.texts("b-", 0, 20);
            broker.publish(other, second);
            awaitSucceeded(40);

            List<String> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            assertEachExactlyOnce(endpoints, all);
            assertThat(endpoints.created.get()).as("endpoints created for 40 deliveries on 2 queues").isBetween(1, 4);
            assertThat(endpoints.maxConcurrent.get()).isLessThanOrEqualTo(4);
            deactivate();
            assertThat(endpoints.released.get()).as("the idle endpoints are released on deactivation")
                    .isEqualTo(endpoints.created.get());
        } finally {
            broker.deleteQueue(other);
        }
    }

    /**
     * (1b) plain AMQP messages, as any AMQP client sends them: a text message when the header {@code JMSType} says so,
     * else a bytes message; the AMQP message id as the JMS message id, persistence, the delivery count, and the other
     * headers as string properties.
     */
    @Test
    void plainAmqpMessagesArriveAsJmsMessagesWithTheirIdAndHeaders() throws Exception {
        Map<String, Message> received = new ConcurrentHashMap<>();
        endpoints.handler = (m, text) -> received.put(text, m);
        activate(spec(1));
        awaitConsumers(1);
        broker.publishAmqp(queue, new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("id-text")
                .headers(Map.of("JMSType", "TextMessage", "tenant", "acme")).build(),
                "as text".getBytes(StandardCharsets.UTF_8));
        broker.publishAmqp(queue, new AMQP.BasicProperties.Builder().deliveryMode(1).messageId("id-bytes").build(),
                "as bytes".getBytes(StandardCharsets.UTF_8));
        awaitSucceeded(2);

        Message text = received.get("as text");
        assertThat(text).isInstanceOf(TextMessage.class);
        assertThat(text.getJMSMessageID()).isEqualTo("id-text");
        assertThat(text.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(text.getStringProperty("tenant")).isEqualTo("acme");
        assertThat(text.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(text.getJMSRedelivered()).isFalse();
        Message bytes = received.get("as bytes");
        assertThat(bytes).isInstanceOf(BytesMessage.class);
        assertThat(bytes.getJMSMessageID()).isEqualTo("id-bytes");
        assertThat(bytes.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(bytes.getBody(byte[].class)).isEqualTo("as bytes".getBytes(StandardCharsets.UTF_8));
        deactivate();
        awaitMessagesInQueue(0);
    }

    /** (2) onMessage throws on the first delivery: redelivered after redeliveryDelayMs, then acknowledged. */
    @Test
    void failedDeliveryIsRedeliveredAfterTheDelayAndNotLost() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        endpoints.handler = (m, text) -> {
            if (text.equals("m-2") && failedOnce.add(text)) {
                throw new IllegalStateException("test: first delivery of " + text + " fails");
            }
        };
        activate(spec(2));
        awaitConsumers(2);
        List<String> texts = TestBroker.texts("m-", 0, 5);
        broker.publish(queue, texts);
        awaitSucceeded(5);

        assertEachExactlyOnce(endpoints, texts);
        List<Delivery> m2 = endpoints.deliveriesOf("m-2");
        assertThat(m2).hasSize(2);
        assertThat(m2.get(0).succeeded()).isFalse();
        assertThat(m2.get(0).redelivered()).isFalse();
        assertThat(m2.get(1).succeeded()).isTrue();
        assertThat(m2.get(1).redelivered()).isTrue();
        assertThat(m2.get(1).messageId()).isEqualTo(m2.get(0).messageId());
        assertThat(TimeUnit.NANOSECONDS.toMillis(m2.get(1).startNanos() - m2.get(0).startNanos())).isGreaterThanOrEqualTo(280);
        assertThat(endpoints.deliveries).hasSize(6);
        deactivate();
        awaitMessagesInQueue(0);
    }

    /** (2b) same with prefetch > 1, where the failed message alone is requeued (basic.nack of its delivery tag). */
    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {3, 8}) // acknowledged one by one, and in batches of 4 (half the prefetch)
    void failedDeliveryWithPrefetchIsRedeliveredAndOtherPrefetchedMessagesAreNotDuplicated(int prefetch)
            throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        endpoints.handler = (m, text) -> {
            if ((text.equals("m-1") || text.equals("m-4")) && failedOnce.add(text)) {
                throw new IllegalStateException("test: first delivery of " + text + " fails");
            }
        };
        RabbitMQActivationSpec spec = spec(1);
        spec.setPrefetch(String.valueOf(prefetch));
        activate(spec);
        awaitConsumers(1);
        List<String> texts = TestBroker.texts("m-", 0, 8);
        broker.publish(queue, texts);
        awaitSucceeded(8);

        assertEachExactlyOnce(endpoints, texts);
        assertThat(endpoints.deliveriesOf("m-1")).extracting(Delivery::succeeded).containsExactly(false, true);
        assertThat(endpoints.deliveriesOf("m-4")).extracting(Delivery::succeeded).containsExactly(false, true);
        assertThat(endpoints.deliveriesOf("m-1").get(1).redelivered()).isTrue();
        awaitConsumers(1);
        deactivate();
        awaitMessagesInQueue(0);
    }

    /**
     * Through a backlog (prefetch 8, 10 messages waiting) the adapter coalesces acknowledgements: one basic.ack
     * (multiple) per 4 messages that ran back to back, and the last 2, fewer than a batch, by the timer while the
     * consumer waits for more. What is asserted is what the broker sees: none of them stays unacknowledged, and
     * closing the connection brings none back (without the timer's flush the last 2 would). How many basic.ack frames
     * were sent is not observable here; docs/performance.md measured the broker's CPU per message.
     */
    @Test
    void throughABacklogEveryMessageIsAcknowledgedTheLastPartialBatchByTheTimer() throws Exception {
        assumeTrue(TestBroker.rabbitmqctlAvailable(), "rabbitmqctl is needed to see the unacknowledged messages");
        RabbitMQActivationSpec spec = spec(1);
        spec.setPrefetch("8");
        activate(spec);
        awaitConsumers(1);
        List<String> texts = TestBroker.texts("m-", 0, 10);
        broker.publish(queue, texts);
        awaitSucceeded(10);

        await().atMost(TIMEOUT).until(() -> TestBroker.unacknowledged(queue) == 0);
        assertThat(TestBroker.closeConnections("rabbitmq-ra:" + queue + ":")).isEqualTo(1);
        awaitConsumers(1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> endpoints.deliveries.size() == 10);
        assertEachExactlyOnce(endpoints, texts);
        assertThat(endpoints.deliveries).noneMatch(Delivery::redelivered);
        awaitMessagesInQueue(0);
    }

    /** (3) createEndpoint throws UnavailableException (bean pool exhausted): back off and retry, nothing lost. */
    @Test
    void unavailableEndpointIsRetriedWithTheSameMessage() throws Exception {
        // publish first: the producer declares the queue, the adapter then consumes the same queue
        List<String> texts = TestBroker.texts("m-", 0, 5);
        broker.publish(queue, texts);
        awaitMessagesInQueue(5);

        endpoints.unavailableRemaining.set(10);
        activate(spec(2));
        awaitSucceeded(5);

        assertEachExactlyOnce(endpoints, texts);
        assertThat(endpoints.unavailableThrown.get()).isEqualTo(10);
        assertThat(endpoints.deliveries).hasSize(5).allMatch(Delivery::succeeded).noneMatch(Delivery::redelivered);
        deactivate();
        awaitMessagesInQueue(0);
    }

    /** (4) the broker closes our connections (rabbitmqctl close_connection): consumers come back, no duplicates. */
    @Test
    void consumersReconnectAfterTheBrokerClosedTheirConnections() throws Exception {
        assumeTrue(TestBroker.rabbitmqctlAvailable(), "rabbitmqctl not available");
        String names = "rabbitmq-ra:" + queue + ":";
        activate(spec(2));
        awaitConsumers(2);
        List<String> before = TestBroker.connectionPids(names);
        assertThat(before).hasSize(2);
        broker.publish(queue, TestBroker.texts("m-", 0, 3));
        awaitSucceeded(3);

        assertThat(TestBroker.closeConnections(names)).isEqualTo(2);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<String> now = TestBroker.connectionPids(names);
            assertThat(now).hasSize(2).doesNotContainAnyElementsOf(before);
        });
        awaitConsumers(2);

        broker.publish(queue, TestBroker.texts("m-", 3, 3));
        awaitSucceeded(6);
        assertEachExactlyOnce(endpoints, TestBroker.texts("m-", 0, 6));
        // exactly one connection and one consumer per configured consumer: no duplicates, none missing
        assertThat(broker.consumerCount(queue)).isEqualTo(2);
        assertThat(TestBroker.connectionPids(names)).hasSize(2);
        // rabbitmqctl closes the two connections one after the other: one or two outages, each logged once when it
        // starts and once when it ends, not once per consumer and attempt
        List<String> lost = warningsAndInfos("Lost RabbitMQ connection");
        assertThat(lost).hasSizeBetween(1, 2);
        assertThat(warningsAndInfos("connection restored")).hasSameSizeAs(lost);
    }

    /**
     * (4b) broker unreachable at activation, then network cut, through a TCP proxy in front of the broker: activation
     * does not fail, consumers connect when the broker becomes reachable and reconnect after the cut; one log line
     * when the outage starts and one when it ends.
     */
    @Test
    void brokerDownAtActivationAndNetworkCutAreSurvived() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestBroker.HOST, TestBroker.PORT, false)) {
            RabbitMQActivationSpec spec = spec(2);
            spec.setHost("127.0.0.1");
            spec.setPort(String.valueOf(proxy.port()));
            assertThatCode(() -> activate(spec)).doesNotThrowAnyException();
            await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                    .until(() -> activation().consumers().stream().noneMatch(QueueConsumer::isConnected));
            assertThat(warningsAndInfos("Cannot consume from RabbitMQ queue")).hasSize(1);

            proxy.setAccepting(true);
            awaitConsumers(2);
            assertThat(warningsAndInfos("connection restored")).hasSize(1);
            broker.publish(queue, TestBroker.texts("m-", 0, 2));
            awaitSucceeded(2);

            proxy.cutAll();
            await().atMost(TIMEOUT).until(() -> warningsAndInfos("Lost RabbitMQ connection").size() == 1);
            await().atMost(TIMEOUT).until(() -> warningsAndInfos("connection restored").size() == 2);
            awaitConsumers(2);
            broker.publish(queue, TestBroker.texts("m-", 2, 2));
            awaitSucceeded(4);
            assertEachExactlyOnce(endpoints, TestBroker.texts("m-", 0, 4));
            assertThat(broker.consumerCount(queue)).isEqualTo(2);
            assertThat(warningsAndInfos("Lost RabbitMQ connection")).hasSize(1);
            assertThat(warningsAndInfos("Cannot consume from RabbitMQ queue")).hasSize(1);
            deactivate();
        }
    }

    /** (5) deactivation lets in-flight deliveries finish (and acknowledges them); the rest stays in the queue. */
    @Test
    void deactivationWaitsForInFlightDeliveriesAndLeavesTheRestInTheQueue() throws Exception {
        endpoints.handler = (m, text) -> Thread.sleep(1000);
        activate(spec(2));
        awaitConsumers(2);
        broker.publish(queue, TestBroker.texts("m-", 0, 6));
        await().atMost(TIMEOUT).until(() -> endpoints.concurrent.get() == 2);

        long start = System.nanoTime();
        deactivate();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(endpoints.concurrent.get()).isZero();
        assertThat(endpoints.deliveries).hasSize(2).allMatch(Delivery::succeeded);
        assertThat(tookMs).isLessThan(5000);
        awaitMessagesInQueue(4);
        assertThat(broker.consumerCount(queue)).isZero();
        // nothing is delivered after deactivation returned
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> endpoints.deliveries.size() == 2);
    }

    /** (5b) the wait for in-flight deliveries is bounded: after shutdownTimeoutMs their messages go back to the queue. */
    @Test
    void deactivationWaitIsBoundedAndUnfinishedMessagesAreNotLost() throws Exception {
        endpoints.handler = (m, text) -> Thread.sleep(1500);
        RabbitMQActivationSpec spec = spec(1);
        spec.setShutdownTimeoutMs("300");
        activate(spec);
        awaitConsumers(1);
        broker.publish(queue, TestBroker.texts("m-", 0, 2));
        await().atMost(TIMEOUT).until(() -> endpoints.concurrent.get() == 1);

        long start = System.nanoTime();
        deactivate();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMs).isLessThan(1200);
        // the slow delivery finishes after deactivation, but its acknowledgement can no longer reach the broker:
        // the message is back in the queue (delivered again later = at-least-once), nothing is lost
        await().atMost(TIMEOUT).until(() -> endpoints.concurrent.get() == 0);
        awaitMessagesInQueue(2);
    }

    private List<String> warningsAndInfos(String fragment) {
        return activationLog.stream()
                .map(LogRecord::getMessage)
                .filter(m -> m.contains(fragment) && m.contains(queue))
                .toList();
    }
}
