package dev.taskq.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, .env.example and the Dockerfiles held to their contract (docs/deploy.md), with no Docker
 * engine needed (ComposeStackIT runs them): the services and their profiles, no default credentials, every variable
 * documented, every setting the nodes need, pinned images, and build inputs that exist and reach the build.
 */
class ComposeContractTest {
    private static final Path REPO = Path.of(System.getProperty("taskq.repo", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = REPO.resolve("docker-compose.yml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

    /** The services and the profiles each runs in: one per role, and {@code all} for everything on one host. */
    private static final Map<String, List<String>> PROFILES = Map.of(
            "rabbitmq", List.of("broker", "all"),
            "redis", List.of("cache", "all"),
            "web", List.of("web", "all"),
            "worker", List.of("worker", "all"),
            "admin", List.of("admin", "all"));
    private static final Set<String> PAYARA_NODES = Set.of("web", "worker", "admin");
    private static final Set<String> CREDENTIALS = Set.of("TASKQ_RABBITMQ_USERNAME", "TASKQ_RABBITMQ_PASSWORD",
            "TASKQ_REDIS_PASSWORD", "TASKQ_ADMIN_PASSWORD", "TASKQ_ADMIN_PASSWORD_HASH", "TASKQ_CLUSTER_NAME");
    /**
     * The application's settings (ejb's microprofile-config.properties) whose defaults only fit one machine
     * (addresses, credentials, names): every Payara node of the compose file must set them.
     */
    private static final List<String> PER_DEPLOYMENT_KEYS = List.of("taskq.rabbitmq.host", "taskq.rabbitmq.port",
            "taskq.rabbitmq.username", "taskq.rabbitmq.password", "taskq.rabbitmq.virtual-host", "taskq.queue",
            "taskq.redis.host", "taskq.redis.port", "taskq.redis.password", "taskq.redis.key-prefix",
            "taskq.admin.password-hash", "taskq.role", "taskq.instance.name");

    private final String composeText = read(COMPOSE);
    private final Map<String, Object> compose = new Yaml().load(composeText);

    @Test
    void everyRoleIsAServiceWithItsProfiles() {
        assertThat(services()).containsOnlyKeys(PROFILES.keySet());
        PROFILES.forEach((name, profiles) ->
                assertThat(service(name).get("profiles")).as(name + " profiles").isEqualTo(profiles));
        assertThat(envExample()).as("plain 'docker compose up' runs everything").containsEntry("COMPOSE_PROFILES", "all");
    }

    @Test
    void everyVariableIsInEnvExampleAndEveryExampleVariableIsUsed() {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(composeText);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(envExample().keySet()).containsAll(used);
        Set<String> unused = new TreeSet<>(envExample().keySet());
        unused.removeAll(used);
        assertThat(unused).as("variables of .env.example that docker-compose.yml does not use")
                .containsOnly("COMPOSE_PROFILES");
    }

    @Test
    void composeRefusesToStartWithoutCredentialsAndHasNoDefaultOnes() {
        Matcher m = VARIABLE.matcher(composeText);
        while (m.find()) {
            if (CREDENTIALS.contains(m.group(1))) {
                assertThat(m.group(2)).as(m.group() + " must be required (${VAR:?message})").isEqualTo(":?");
            }
        }
        CREDENTIALS.stream().filter(v -> v.contains("PASSWORD") || v.equals("TASKQ_CLUSTER_NAME"))
                .forEach(v -> assertThat(envExample()).as(v + " in .env.example").containsEntry(v, ""));
        assertThat(envExample().get("TASKQ_RABBITMQ_USERNAME")).isNotBlank().isNotEqualTo("guest");
        assertThat(composeText).doesNotContainIgnoringCase("guest");
        assertThat(environment("rabbitmq")).containsEntry("RABBITMQ_DEFAULT_USER",
                "${TASKQ_RABBITMQ_USERNAME:?set TASKQ_RABBITMQ_USERNAME in .env (see .env.example)}");
    }

    @Test
    void everyPayaraNodeGetsTheSettingsItNeeds() {
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(REPO.resolve("ejb/src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String node : PAYARA_NODES) {
            Map<String, Object> env = environment(node);
            for (String key : PER_DEPLOYMENT_KEYS) {
                if (!key.equals("taskq.instance.name")) {
                    assertThat(defaults).as("application setting " + key).containsKey(key);
                }
                assertThat(env).as(node + " sets " + key).containsKey(environmentName(key));
            }
            if (!node.equals("admin")) {
                assertThat(env).as(node + " joins the admin node's data grid")
                        .containsKeys("TASKQ_DAS_HOST", "TASKQ_DAS_GRID_PORT", "TASKQ_CLUSTER_NAME");
            }
        }
        assertThat(environment("web")).containsEntry("TASKQ_ROLE", "web");
        assertThat(environment("worker")).containsEntry("TASKQ_ROLE", "worker");
        assertThat(environment("admin")).containsKeys("TASKQ_ADMIN_PASSWORD", "TASKQ_CLUSTER_NAME");
        assertThat(defaults.getProperty("taskq.role.web.workers")).as("a web node consumes nothing").isEqualTo("0");
        // the launcher and the DAS set-up read the data grid settings the compose file gives
        String launcher = read(REPO.resolve("payara-config/micro/start-micro.sh"));
        String dataGrid = read(REPO.resolve("payara-config/server/data-grid.sh"));
        for (String variable : List.of("TASKQ_DAS_HOST", "TASKQ_DAS_GRID_PORT", "TASKQ_CLUSTER_NAME",
                "TASKQ_GRID_PUBLIC_ADDRESS", "TASKQ_INSTANCE_NAME", "TASKQ_ROLE")) {
            assertThat(launcher).as("start-micro.sh reads " + variable).contains("${" + variable);
        }
        for (String variable : List.of("TASKQ_CLUSTER_NAME", "TASKQ_DAS_GRID_PORT", "TASKQ_DAS_PUBLIC_ADDRESS")) {
            assertThat(dataGrid).as("data-grid.sh reads " + variable).contains("${" + variable);
        }
    }

    @Test
    void servicesAreHealthCheckedAndStartInOrder() {
        for (String name : PROFILES.keySet()) {
            assertThat(service(name)).as(name + " health check").containsKey("healthcheck");
        }
        for (String node : PAYARA_NODES) {
            Map<String, Map<String, Object>> dependsOn = map(service(node).get("depends_on"));
            assertThat(dependsOn).as(node + " waits for the broker and Redis").containsKeys("rabbitmq", "redis");
            dependsOn.forEach((dependency, condition) -> {
                assertThat(condition).as(node + " -> " + dependency).containsEntry("condition", "service_healthy");
                // on a host that runs only this role the dependency is on another host
                assertThat(condition).as(node + " -> " + dependency).containsEntry("required", false);
            });
        }
        assertThat(map(service("worker").get("depends_on"))).containsKey("admin");
    }

    @Test
    void consolesAndUiAreOnLoopbackAndWorkersPublishNoHttpPort() {
        assertThat(ports("rabbitmq")).contains("127.0.0.1:${TASKQ_RABBITMQ_UI_PORT:-15672}:15672");
        assertThat(ports("admin")).contains("127.0.0.1:${TASKQ_CONSOLE_PORT:-4848}:4848");
        assertThat(ports("worker")).noneMatch(p -> p.endsWith(":8080"));
        assertThat(ports("web")).anyMatch(p -> p.endsWith(":8080"));
        assertThat(map(service("worker").get("deploy"))).containsKey("replicas");
    }

    @Test
    void dataIsKeptInVolumesWithAppendOnlyRedis() {
        assertThat(map(compose.get("volumes"))).containsKeys("rabbitmq-data", "redis-data");
        assertThat(list(service("rabbitmq").get("volumes"))).contains("rabbitmq-data:/var/lib/rabbitmq");
        assertThat(list(service("redis").get("volumes"))).contains("redis-data:/data");
        assertThat(String.join(" ", list(service("redis").get("command"))))
                .as("README's guarantee: an fsynced append-only file")
                .contains("--appendonly yes").contains("--appendfsync always");
    }

    @Test
    void imagesArePinnedAndBuildInputsExistAndReachTheBuild() {
        // the official images for users; CI sets the variables to its test images (ComposeStackIT)
        assertThat((String) service("rabbitmq").get("image")).isEqualTo("${TASKQ_RABBITMQ_IMAGE:-rabbitmq:4.2-management}");
        assertThat((String) service("redis").get("image")).isEqualTo("${TASKQ_REDIS_IMAGE:-redis:7.4}");
        List<String> dockerignore = read(REPO.resolve(".dockerignore")).lines()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (String node : List.of("web", "worker", "admin")) {
            Map<String, Object> build = map(service(node).get("build"));
            assertThat(map(build.get("args"))).as(node + " base image")
                    .containsEntry("BASE_IMAGE", "${TASKQ_BASE_IMAGE:-debian:bookworm-slim}");
            Path context = REPO.resolve((String) build.get("context")).normalize();
            assertThat(context).as(node + " build context").isEqualTo(REPO);
            Path dockerfile = context.resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).as(node + " Dockerfile").isRegularFile();
            String text = read(dockerfile);
            assertThat(text.lines().filter(l -> l.startsWith("FROM ")).toList()).as(node + ": one base, from the build")
                    .containsExactly("FROM ${BASE_IMAGE}");
            assertThat(text).contains("ARG BASE_IMAGE=debian:bookworm-slim\n")
                    .as(node + ": Payara comes from the Maven build, whose parent pom alone pins its versions")
                    .doesNotContain(System.getProperty("taskq.payara.micro.version"))
                    .doesNotContain(System.getProperty("taskq.payara.server.version"));
            for (String source : copySources(text)) {
                assertThat(context.resolve(source)).as(node + " copies " + source).exists();
                assertThat(dockerignore).as(".dockerignore lets " + source + " through").contains(source);
            }
        }
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        for (String name : PROFILES.keySet()) {
            assertThat(service(name)).as(name + " memory limit").containsKey("mem_limit");
        }
    }

    // ---- the files ----

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    private Map<String, Object> environment(String name) {
        return map(service(name).get("environment"));
    }

    private List<String> ports(String name) {
        return list(service(name).get("ports"));
    }

    /** .env.example as name → value. */
    private static Map<String, String> envExample() {
        Map<String, String> env = new LinkedHashMap<>();
        read(REPO.resolve(".env.example")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return env;
    }

    /** The sources of the Dockerfile's COPY instructions (continuation lines joined). */
    private static List<String> copySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        for (String instruction : dockerfile.replace("\\\n", " ").lines().toList()) {
            if (instruction.startsWith("COPY ")) {
                List<String> words = new ArrayList<>(List.of(instruction.substring(5).trim().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                sources.addAll(words.subList(0, words.size() - 1));
            }
        }
        assertThat(sources).isNotEmpty();
        return sources;
    }

    /** {@code taskq.redis.key-prefix} → {@code TASKQ_REDIS_KEY_PREFIX}, as MicroProfile Config maps them. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, V>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return (List<String>) yaml;
    }
}
