package dev.taskq.infrastructure.redis;

import dev.taskq.application.StoreUnavailableException;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Runs Redis commands, turning "Redis cannot be reached" into the application's {@link StoreUnavailableException}. */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis is not reachable: " + e.getMessage(), e);
        }
    }
}
