package dev.taskq.infrastructure.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * The application's one pool of Redis connections ({@code taskq.redis.*}) and its key prefix. The pool recovers by
 * itself after Redis restarts: a command that meets a broken connection fails (the caller sees
 * {@code StoreUnavailableException}) and the connection is discarded, and a background check pings the idle
 * connections every second and discards the dead ones. (Validating every connection when it is borrowed cost a PING
 * round trip per command, a third of taskq's Redis traffic.)
 */
@ApplicationScoped
public class RedisConnection {
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "taskq.redis.host")
    String host;
    @Inject
    @ConfigProperty(name = "taskq.redis.port")
    int port;
    @Inject
    @ConfigProperty(name = "taskq.redis.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "taskq.redis.pool-size")
    int poolSize;
    @Inject
    @ConfigProperty(name = "taskq.redis.timeout-ms")
    int timeoutMs;
    @Inject
    @ConfigProperty(name = "taskq.redis.key-prefix")
    String keyPrefix;

    private JedisPooled jedis;

    @PostConstruct
    void open() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(1));
        pool.setNumTestsPerEvictionRun(poolSize);
        pool.setMaxWait(Duration.ofMillis(timeoutMs));
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .timeoutMillis(timeoutMs)
                .clientName("taskq");
        password.filter(p -> !p.isBlank()).ifPresent(client::password);
        jedis = new JedisPooled(pool, new HostAndPort(host, port), client.build());
        LOG.info(() -> "Redis at " + host + ":" + port + ", keys under '" + keyPrefix + ":'");
    }

    @PreDestroy
    void close() {
        jedis.close();
    }

    public JedisPooled jedis() {
        return jedis;
    }

    /** A connection of its own, outside the pool (for a subscriber, which holds its connection). */
    public Jedis connectionOfItsOwn(String clientName) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder().timeoutMillis(timeoutMs)
                .clientName(clientName);
        password.filter(p -> !p.isBlank()).ifPresent(client::password);
        return new Jedis(new HostAndPort(host, port), client.build());
    }

    /** The key {@code <prefix>:<part>:<part>…}. */
    public String key(String... parts) {
        return keyPrefix + ":" + String.join(":", parts);
    }
}
