package dev.taskq.deploy.compose;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One project of the repository's real {@code docker-compose.yml}, run as a user runs it: {@code docker compose -p
 * <name> --project-directory <repo>} with the project's own {@code .env} (written here, in the project's folder
 * under target/). Every command and its output is appended to that folder's {@code compose.log}.
 */
public final class ComposeProject {
    private final String name;
    private final Path repo;
    private final Path dir;

    public ComposeProject(String name, Path repo, Path dir, Map<String, String> env) {
        this.name = name;
        this.repo = repo;
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder("# written by ComposeStackIT for the project " + name + "\n");
            env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(dir.resolve(".env"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code docker compose <args>}, failing the test when it does not exit 0 within {@code timeout}. */
    public String compose(Duration timeout, String... args) {
        return check(composeResult(timeout, args));
    }

    /** {@code docker compose <args>}, whatever its exit code. */
    public Result composeResult(Duration timeout, String... args) {
        return run(composeCommand(args), timeout, dir.resolve("compose.log"));
    }

    /** {@code docker compose} for this project, its directory and its .env, followed by {@code args}. */
    private List<String> composeCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", name, "--project-directory",
                repo.toString(), "--env-file", dir.resolve(".env").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code docker <args>} (not compose), failing the test when it does not exit 0. */
    public String docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return check(run(command, timeout, dir.resolve("compose.log")));
    }

    /** The project's containers ({@code docker compose ps -a}), by container name. */
    public Map<String, Container> containers() {
        Map<String, Container> containers = new LinkedHashMap<>();
        // not logged: the tests poll it every few seconds
        for (String line : check(run(composeCommand("ps", "-a", "--format", "json"), Duration.ofSeconds(60), null))
                .split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject c = reader.readObject();
                containers.put(c.getString("Name"), new Container(c.getString("Name"), c.getString("Service"),
                        c.getString("ID"), c.getString("State"), c.getString("Health", "")));
            }
        }
        return containers;
    }

    /** The containers of one service. */
    public List<Container> containers(String service) {
        return containers().values().stream().filter(c -> c.service().equals(service)).toList();
    }

    /** The resident memory of every process of a container, summed, in MiB ({@code docker top}: the host's ps). */
    public double rssMiB(String container) {
        Result top = run(List.of("docker", "top", container, "-o", "pid,rss"), Duration.ofSeconds(20), null);
        if (top.exitCode() != 0) {
            return 0;
        }
        return top.output().lines().skip(1).map(l -> l.strip().split("\\s+"))
                .filter(f -> f.length == 2 && f[1].matches("\\d+")).mapToLong(f -> Long.parseLong(f[1])).sum()
                / 1024.0;
    }

    public record Container(String name, String service, String id, String state, String health) {
        /** The instance name a worker gives itself when TASKQ_WORKER_NAME is empty: worker-<host name>. */
        public String hostName() {
            return id.substring(0, 12);
        }

        public boolean healthy() {
            return state.equals("running") && health.equals("healthy");
        }
    }

    public record Result(int exitCode, String output, String command) {
    }

    private static String check(Result result) {
        if (result.exitCode() != 0) {
            throw new AssertionError(result.command() + " exited with " + result.exitCode() + ":\n"
                    + tail(result.output(), 4000));
        }
        return result.output();
    }

    /** Runs a command with the classic builder (no buildx here), its output in a file, then appended to the log. */
    public static Result run(List<String> command, Duration timeout, Path log) {
        String commandLine = String.join(" ", command);
        try {
            Path out = Files.createTempFile("taskq-compose-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile());
                builder.environment().put("DOCKER_BUILDKIT", "0");
                // one image build at a time: web and worker build the same image, the second from the cache
                builder.environment().put("COMPOSE_PARALLEL_LIMIT", command.contains("build") ? "1" : "16");
                Process process = builder.start();
                boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (log != null) {
                    Files.writeString(log, "$ " + commandLine + "\n" + output + (done ? "" : "[timed out]\n"),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                return new Result(done ? process.exitValue() : -1, output, commandLine);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }
}
