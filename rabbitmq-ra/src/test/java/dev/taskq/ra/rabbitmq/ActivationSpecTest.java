package dev.taskq.ra.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import jakarta.resource.spi.InvalidPropertyException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivationSpecTest {

    private static final PlaceholderResolver NO_VALUES = new PlaceholderResolver(k -> Optional.empty(), "nothing");

    private static PlaceholderResolver values(Map<String, String> values) {
        return new PlaceholderResolver(k -> Optional.ofNullable(values.get(k)), "test values");
    }

    private static RabbitMQActivationSpec spec(String destination) {
        RabbitMQActivationSpec spec = new RabbitMQActivationSpec();
        spec.setDestination(destination);
        return spec;
    }

    @AfterEach
    void clearMpConfig() {
        TestConfigProviderResolver.VALUES.clear();
    }

    @Test
    void defaults() throws Exception {
        ConsumerSettings s = ConsumerSettings.resolve(spec("tasks"), null, NO_VALUES);
        assertThat(s.destination()).isEqualTo("tasks");
        assertThat(s.consumers()).isEqualTo(4);
        assertThat(s.prefetch()).isEqualTo(1);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(5672);
        assertThat(s.username()).isEqualTo("guest");
        assertThat(s.password()).isEqualTo("guest");
        assertThat(s.virtualHost()).isEqualTo("/");
        assertThat(s.reconnectInitialDelayMs()).isEqualTo(1000);
        assertThat(s.reconnectMaxDelayMs()).isEqualTo(30000);
        assertThat(s.redeliveryDelayMs()).isEqualTo(1000);
        assertThat(s.shutdownTimeoutMs()).isEqualTo(30000);
        assertThat(s.toString()).doesNotContain("guest, virtualHost").contains("password=****");
    }

    @Test
    void connectionPropertiesFallBackToTheResourceAdapter() throws Exception {
        RabbitMQResourceAdapter ra = new RabbitMQResourceAdapter();
        ra.setHost("rabbit.example");
        ra.setPort("5673");
        ra.setUsername("ra-user");
        ra.setPassword("ra-secret");
        ra.setVirtualHost("ra-vhost");

        ConsumerSettings fromRa = ConsumerSettings.resolve(spec("q"), ra, NO_VALUES);
        assertThat(fromRa.host()).isEqualTo("rabbit.example");
        assertThat(fromRa.port()).isEqualTo(5673);
        assertThat(fromRa.username()).isEqualTo("ra-user");
        assertThat(fromRa.password()).isEqualTo("ra-secret");
        assertThat(fromRa.virtualHost()).isEqualTo("ra-vhost");

        RabbitMQActivationSpec spec = spec("q");
        spec.setHost("as-host");
        spec.setPort("15672");
        spec.setUsername("as-user");
        spec.setPassword("");          // blank = not set: falls back
        spec.setVirtualHost("as-vhost");
        ConsumerSettings fromSpec = ConsumerSettings.resolve(spec, ra, NO_VALUES);
        assertThat(fromSpec.host()).isEqualTo("as-host");
        assertThat(fromSpec.port()).isEqualTo(15672);
        assertThat(fromSpec.username()).isEqualTo("as-user");
        assertThat(fromSpec.password()).isEqualTo("ra-secret");
        assertThat(fromSpec.virtualHost()).isEqualTo("as-vhost");
    }

    @Test
    void placeholdersInSpecAndAdapterValuesAreResolved() throws Exception {
        RabbitMQResourceAdapter ra = new RabbitMQResourceAdapter();
        ra.setHost("${rabbit.host:localhost}");
        ra.setPassword("${rabbit.password}");
        RabbitMQActivationSpec spec = spec("${taskq.queue}");
        spec.setConsumers("${taskq.consumers:2}");
        spec.setPrefetch("${taskq.prefetch}");
        spec.setRedeliveryDelayMs("${taskq.redelivery:250}");

        ConsumerSettings s = ConsumerSettings.resolve(spec, ra,
                values(Map.of("taskq.queue", "tasks", "taskq.prefetch", "5", "rabbit.password", "s3cret")));
        assertThat(s.destination()).isEqualTo("tasks");
        assertThat(s.consumers()).isEqualTo(2);
        assertThat(s.prefetch()).isEqualTo(5);
        assertThat(s.host()).isEqualTo("localhost");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.redeliveryDelayMs()).isEqualTo(250);
    }

    @Test
    void reportsAllInvalidPropertiesAtOnce() {
        RabbitMQActivationSpec spec = spec("tasks");
        spec.setConsumers("four");
        spec.setPrefetch("0");
        spec.setPort("70000");
        spec.setReconnectInitialDelayMs("5000");
        spec.setReconnectMaxDelayMs("1000");
        spec.setRedeliveryDelayMs("-1");
        assertThatThrownBy(() -> ConsumerSettings.resolve(spec, null, NO_VALUES))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("destination 'tasks'")
                .hasMessageContaining("'consumers' = 'four' is not an integer")
                .hasMessageContaining("'prefetch' = '0' must be between 1 and 65535")
                .hasMessageContaining("'port' = '70000' must be between 1 and 65535")
                .hasMessageContaining("'reconnectMaxDelayMs' (1000) must not be smaller than 'reconnectInitialDelayMs' (5000)")
                .hasMessageContaining("'redeliveryDelayMs' = '-1' must be >= 0");
    }

    @Test
    void severalQueuesEachGetTheirOwnConsumers() throws Exception {
        RabbitMQActivationSpec spec = spec("${queues}");
        spec.setConsumers("3");
        ConsumerSettings s = ConsumerSettings.resolve(spec, null,
                values(Map.of("queues", "orders:4, orders.slow:1 ,orders.bulk")));

        assertThat(s.perQueue()).extracting(ConsumerSettings::destination, ConsumerSettings::consumers)
                .containsExactly(tuple("orders", 4), tuple("orders.slow", 1), tuple("orders.bulk", 3));
        assertThat(ConsumerSettings.resolve(spec("just-one"), null, NO_VALUES).perQueue())
                .singleElement().extracting(ConsumerSettings::destination).isEqualTo("just-one");
    }

    @Test
    void aQueueListWithABadEntryIsRefused() {
        assertThatThrownBy(() -> ConsumerSettings.resolve(spec("orders:many,amq.x"), null, NO_VALUES))
                .isInstanceOf(jakarta.resource.spi.InvalidPropertyException.class)
                .hasMessageContaining("'many' is not a number of consumers")
                .hasMessageContaining("reserved by RabbitMQ");
    }

    @Test
    void destinationIsRequired() {
        assertThatThrownBy(() -> spec(null).validate())
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("'destination'").hasMessageContaining("required");
        assertThatThrownBy(() -> spec("  ").validate())
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> spec("amq.gen-123").validate())
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("reserved");
    }

    @Test
    void destinationTypeMustBeQueueIfSet() throws Exception {
        RabbitMQActivationSpec spec = spec("q");
        spec.setDestinationType("jakarta.jms.Queue");
        spec.validate();
        spec.setDestinationType("jakarta.jms.Topic");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class).hasMessageContaining("destinationType");
    }

    @Test
    void validateSkipsPlaceholdersButChecksLiteralValues() {
        RabbitMQActivationSpec spec = spec("${taskq.queue}");
        spec.setConsumers("${taskq.consumers}");
        spec.setPort("${taskq.port:5672}");
        assertThatCode(spec::validate).doesNotThrowAnyException();
        spec.setPrefetch("lots");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class).hasMessageContaining("'prefetch' = 'lots'");
    }

    @Test
    void unresolvablePlaceholderAndBadResolvedValueAreReportedAtActivation() {
        RabbitMQActivationSpec spec = spec("${taskq.queue}");
        spec.setConsumers("${taskq.consumers}");
        assertThatThrownBy(() -> ConsumerSettings.resolve(spec, null, values(Map.of("taskq.consumers", "many"))))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("placeholder ${taskq.queue} is not defined")
                .hasMessageContaining("'consumers' = 'many' is not an integer");
    }

    @Test
    void endpointActivationRejectsInvalidConfigWithoutTouchingTheBroker() throws Exception {
        TestBootstrapContext ctx = new TestBootstrapContext();
        RabbitMQResourceAdapter ra = new RabbitMQResourceAdapter();
        ra.start(ctx);
        try {
            RabbitMQActivationSpec spec = spec("${ra.test.undefined.queue}");
            spec.setResourceAdapter(ra);
            assertThatThrownBy(() -> ra.endpointActivation(new TestEndpointFactory(), spec))
                    .isInstanceOf(InvalidPropertyException.class)
                    .hasMessageContaining("ra.test.undefined.queue");
            assertThat(ra.activations()).isEmpty();
            assertThat(ctx.scheduled).hasValue(0);
        } finally {
            ra.stop();
            ctx.shutdown();
        }
    }

    @Test
    void zeroConsumersActivatesTheEndpointWithoutConsuming() throws Exception {
        RabbitMQActivationSpec spec = spec("tasks");
        spec.setConsumers("${taskq.workers}");
        assertThat(ConsumerSettings.resolve(spec, null, values(Map.of("taskq.workers", "0"))).consumers()).isZero();

        TestBootstrapContext ctx = new TestBootstrapContext();
        RabbitMQResourceAdapter ra = new RabbitMQResourceAdapter();
        ra.start(ctx);
        try {
            RabbitMQActivationSpec none = spec("tasks");
            none.setConsumers("0");
            none.setResourceAdapter(ra);
            ra.endpointActivation(new TestEndpointFactory(), none);
            assertThat(ra.activations()).singleElement()
                    .satisfies(activation -> assertThat(activation.consumers()).isEmpty());
            assertThat(ctx.scheduled).as("no consumer was started, so nothing connects to the broker").hasValue(0);
        } finally {
            ra.stop();
            ctx.shutdown();
        }

        RabbitMQActivationSpec negative = spec("tasks");
        negative.setConsumers("-1");
        assertThatThrownBy(negative::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'consumers' = '-1' must be between 0 and 1000");
    }

    @Test
    void resourceAdapterEqualityIsIdentity() {
        RabbitMQResourceAdapter a = new RabbitMQResourceAdapter();
        RabbitMQResourceAdapter b = new RabbitMQResourceAdapter();
        assertThat(a).isEqualTo(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(a.hashCode());
    }
}
