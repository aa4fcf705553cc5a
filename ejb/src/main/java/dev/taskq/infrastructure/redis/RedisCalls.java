package dev.taskq.infrastructure.redis;

import dev.taskq.application.StoreUnavailableException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs Redis commands, turning "Redis cannot be reached" into the application's {@link StoreUnavailableException}:
 * no connection, and the errors of a Redis that is up but cannot serve yet — {@code LOADING} (it is reading its
 * append-only file after a restart), {@code BUSY} (a script runs too long), {@code MASTERDOWN} — and a connection
 * pool that had no free connection within its wait (every connection busy, as under a load spike).
 */
final class RedisCalls {
    private static final List<String> NOT_SERVING_YET = List.of("LOADING", "BUSY", "MASTERDOWN");

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis is not reachable: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            if (NOT_SERVING_YET.stream().anyMatch(message::startsWith)) {
                throw new StoreUnavailableException("Redis cannot serve yet: " + message, e);
            }
            throw e;
        } catch (JedisException e) {
            if (e.getCause() instanceof NoSuchElementException) {
                throw new StoreUnavailableException("no free Redis connection: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
