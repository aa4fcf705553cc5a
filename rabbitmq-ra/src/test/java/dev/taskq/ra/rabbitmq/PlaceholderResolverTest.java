package dev.taskq.ra.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {

    private static PlaceholderResolver resolver(Map<String, String> values) {
        return new PlaceholderResolver(key -> Optional.ofNullable(values.get(key)), "test values");
    }

    @AfterEach
    void clearMpConfig() {
        TestConfigProviderResolver.VALUES.clear();
    }

    @Test
    void valuesWithoutPlaceholdersAreUnchanged() {
        PlaceholderResolver r = resolver(Map.of());
        assertThat(r.resolve("p", "plain")).isEqualTo("plain");
        assertThat(r.resolve("p", "")).isEmpty();
        assertThat(r.resolve("p", null)).isNull();
        assertThat(r.resolve("p", "costs $5 {ok}")).isEqualTo("costs $5 {ok}");
    }

    @Test
    void resolvesWholeValuePlaceholder() {
        assertThat(resolver(Map.of("taskq.queue", "tasks")).resolve("destination", "${taskq.queue}")).isEqualTo("tasks");
    }

    @Test
    void usesDefaultOnlyWhenKeyIsUndefined() {
        PlaceholderResolver r = resolver(Map.of("defined", "value"));
        assertThat(r.resolve("p", "${undefined:fallback}")).isEqualTo("fallback");
        assertThat(r.resolve("p", "${defined:fallback}")).isEqualTo("value");
        assertThat(r.resolve("p", "${undefined:}")).isEmpty();
        assertThat(r.resolve("p", "${undefined:amqp://h:5672}")).as("default may contain ':'").isEqualTo("amqp://h:5672");
    }

    @Test
    void resolvesSeveralPlaceholdersMixedWithText() {
        PlaceholderResolver r = resolver(Map.of("env", "prod", "app", "taskq"));
        assertThat(r.resolve("destination", "${app}-${env}-${missing:x}.q")).isEqualTo("taskq-prod-x.q");
    }

    @Test
    void resolvedValuesAreNotResolvedAgain() {
        assertThat(resolver(Map.of("a", "${b}", "b", "no")).resolve("p", "${a}")).isEqualTo("${b}");
    }

    @Test
    void undefinedKeyWithoutDefaultIsAClearError() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve("destination", "${taskq.queue}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("destination")
                .hasMessageContaining("taskq.queue")
                .hasMessageContaining("test values");
    }

    @Test
    void malformedPlaceholdersAreErrors() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve("p", "${unterminated"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> resolver(Map.of()).resolve("p", "${:default}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty placeholder key");
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertThat(PlaceholderResolver.environmentNames("taskq.queue")).containsExactly("taskq.queue", "taskq_queue", "TASKQ_QUEUE");
        assertThat(PlaceholderResolver.environmentNames("my-app.rabbit/host")).containsExactly("my-app.rabbit/host", "my_app_rabbit_host", "MY_APP_RABBIT_HOST");
        assertThat(PlaceholderResolver.environmentNames("SIMPLE")).containsExactly("SIMPLE");
        assertThat(PlaceholderResolver.environmentNames("lower")).containsExactly("lower", "LOWER");
    }

    @Test
    void systemPropertiesWinOverEnvironmentAndEnvironmentUsesMappedNames() {
        Properties sys = new Properties();
        sys.setProperty("taskq.host", "from-sysprop");
        Map<String, String> env = Map.of(
                "TASKQ_HOST", "from-env",
                "TASKQ_QUEUE", "queue-from-env",
                "taskq_port", "5673");
        PlaceholderResolver r = new PlaceholderResolver(PlaceholderResolver.systemAndEnvironment(sys, env), "sys/env");
        assertThat(r.resolve("host", "${taskq.host}")).isEqualTo("from-sysprop");
        assertThat(r.resolve("destination", "${taskq.queue}")).isEqualTo("queue-from-env");
        assertThat(r.resolve("port", "${taskq.port:5672}")).isEqualTo("5673");
        assertThat(r.resolve("username", "${taskq.user:guest}")).isEqualTo("guest");
    }

    @Test
    void exactEnvironmentNameWinsOverMappedNames() {
        Map<String, String> env = Map.of("taskq.queue", "exact", "taskq_queue", "underscored", "TASKQ_QUEUE", "upper");
        PlaceholderResolver r = new PlaceholderResolver(PlaceholderResolver.systemAndEnvironment(new Properties(), env), "env");
        assertThat(r.resolve("d", "${taskq.queue}")).isEqualTo("exact");
        Map<String, String> env2 = Map.of("taskq_queue", "underscored", "TASKQ_QUEUE", "upper");
        PlaceholderResolver r2 = new PlaceholderResolver(PlaceholderResolver.systemAndEnvironment(new Properties(), env2), "env");
        assertThat(r2.resolve("d", "${taskq.queue}")).isEqualTo("underscored");
    }

    @Test
    void usesMicroProfileConfigOfTheEndpointClassLoaderWhenAvailable() {
        TestConfigProviderResolver.VALUES.put("taskq.queue", "from-mp-config");
        PlaceholderResolver r = PlaceholderResolver.forClassLoader(getClass().getClassLoader());
        assertThat(r.toString()).contains("MicroProfile Config");
        assertThat(r.resolve("destination", "${taskq.queue}")).isEqualTo("from-mp-config");
    }

    @Test
    void microProfileConfigFallsBackToSystemProperties() {
        String key = "ra.test." + UUID.randomUUID();
        System.setProperty(key, "from-sysprop");
        try {
            PlaceholderResolver r = PlaceholderResolver.forClassLoader(getClass().getClassLoader());
            assertThat(r.resolve("p", "${" + key + "}")).isEqualTo("from-sysprop");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void withoutMicroProfileConfigUsesSystemPropertiesAndEnvironment() throws Exception {
        String key = "ra.test." + UUID.randomUUID();
        System.setProperty(key, "from-sysprop");
        TestConfigProviderResolver.VALUES.put(key, "from-mp-config");
        // a class loader that cannot see the MicroProfile Config API
        try (URLClassLoader noMpConfig = new URLClassLoader(new URL[0], null)) {
            PlaceholderResolver r = PlaceholderResolver.forClassLoader(noMpConfig);
            assertThat(r.toString()).doesNotContain("MicroProfile");
            assertThat(r.resolve("p", "${" + key + "}")).isEqualTo("from-sysprop");
            String path = System.getenv("PATH");
            if (path != null) {
                assertThat(r.resolve("p", "${path}")).as("env var via upper-case mapping").isEqualTo(path);
            }
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void containsPlaceholder() {
        assertThat(PlaceholderResolver.containsPlaceholder("${a}")).isTrue();
        assertThat(PlaceholderResolver.containsPlaceholder("x${a:b}y")).isTrue();
        assertThat(PlaceholderResolver.containsPlaceholder("$a")).isFalse();
        assertThat(PlaceholderResolver.containsPlaceholder(null)).isFalse();
    }
}
