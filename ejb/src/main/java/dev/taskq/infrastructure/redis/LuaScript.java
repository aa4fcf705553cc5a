package dev.taskq.infrastructure.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept next to this class as a resource, run by its SHA1 digest ({@code EVALSHA}) and loaded again
 * when Redis no longer knows it (after a restart).
 */
final class LuaScript {
    private final String source;
    private volatile String sha;

    private LuaScript(String source) {
        this.source = source;
    }

    static LuaScript load(String resourceName) {
        return new LuaScript(source(resourceName));
    }

    /** One script made of several pieces of source, in this order (e.g. a library of functions, then a script). */
    static LuaScript concat(String... sources) {
        return new LuaScript(String.join("\n", sources));
    }

    /** The text of the script resource {@code resourceName}, next to this class. */
    static String source(String resourceName) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + resourceName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        return (Long) eval(jedis, keys, args);
    }

    /** The script's digest, loading it into Redis first when this instance has not yet (for pipelines). */
    String sha(UnifiedJedis jedis) {
        String digest = sha;
        if (digest == null) {
            digest = sha = jedis.scriptLoad(source);
        }
        return digest;
    }

    /** Makes the next use load the script again (Redis answered that it does not know it). */
    void forget() {
        sha = null;
    }

    /** Runs the script and returns its reply as Jedis reads it (Long, String, List, or null for nil). */
    Object eval(UnifiedJedis jedis, List<String> keys, List<String> args) {
        String digest = sha;
        if (digest == null) {
            digest = sha = jedis.scriptLoad(source);
        }
        try {
            return jedis.evalsha(digest, keys, args);
        } catch (JedisNoScriptException e) {
            sha = jedis.scriptLoad(source);
            return jedis.evalsha(sha, keys, args);
        }
    }
}
