package dev.taskq.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.application.StoreUnavailableException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

class RedisCallsTest {

    @Test
    void aRedisThatIsDownOrStillLoadingItsDataIsUnavailableNotAnError() {
        assertThatThrownBy(() -> RedisCalls.call(() -> {
            throw new JedisConnectionException("Connection refused");
        })).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> RedisCalls.call(() -> {
            throw new JedisDataException("LOADING Redis is loading the dataset in memory");
        })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("LOADING");
    }

    @Test
    void aPoolWithNoFreeConnectionIsUnavailableNotAnError() {
        assertThatThrownBy(() -> RedisCalls.call(() -> {
            throw new JedisException("Could not get a resource from the pool",
                    new NoSuchElementException("Timeout waiting for idle object"));
        })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no free Redis connection");
    }

    @Test
    void otherRedisErrorsStayErrors() {
        assertThatThrownBy(() -> RedisCalls.call(() -> {
            throw new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value");
        })).isExactlyInstanceOf(JedisDataException.class);
        assertThat(RedisCalls.call(() -> "PONG")).isEqualTo("PONG");
    }
}
