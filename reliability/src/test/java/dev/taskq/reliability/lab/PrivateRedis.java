package dev.taskq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * A Redis server of the lab's own, on a free loopback port, durable the way the guarantee needs it: append-only
 * file with {@code appendfsync always}, so a {@code kill -9} loses no acknowledged write. Never the shared Redis.
 */
public final class PrivateRedis implements BackingService, AutoCloseable {
    private final Path dir;
    private final int port = Processes.freePort();
    private JedisPooled client;

    PrivateRedis(Path dir) {
        this.dir = dir;
    }

    public int port() {
        return port;
    }

    @Override
    public void start() {
        closeClient();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.Result started = Processes.run(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--daemonize", "yes", "--pidfile", pidFile().toString(),
                "--logfile", dir.resolve("redis.log").toString()), Map.of(), Duration.ofSeconds(30));
        if (!started.ok()) {
            throw new IllegalStateException("redis-server did not start: " + started.output());
        }
        Processes.await("the private Redis answers on " + port, Duration.ofSeconds(30), this::answers);
    }

    @Override
    public void kill() {
        Processes.killHard(pid());
        Processes.await("the private Redis is gone", Duration.ofSeconds(10), () -> !Processes.listening(port));
    }

    /** Whether the server answers a PING on a new connection. */
    public boolean answers() {
        try (Jedis probe = new Jedis("127.0.0.1", port)) {
            return "PONG".equals(probe.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A client of this server, for the tests' own reads. */
    public synchronized JedisPooled client() {
        if (client == null) {
            client = new JedisPooled("127.0.0.1", port);
        }
        return client;
    }

    private long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile()).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pidFile() {
        return dir.resolve("redis.pid");
    }

    @Override
    public void close() {
        if (Files.exists(pidFile()) && Processes.listening(port)) {
            Processes.killHard(pid());
        }
        closeClient();
    }

    /** Drops the tests' client: its pooled connections do not survive a restart of the server. */
    private synchronized void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
