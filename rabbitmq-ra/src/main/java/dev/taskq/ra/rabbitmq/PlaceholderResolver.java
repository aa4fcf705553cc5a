package dev.taskq.ra.rabbitmq;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves {@code ${key}} and {@code ${key:default}} placeholders in activation property values.
 *
 * <p>Keys are looked up through MicroProfile Config when {@code org.eclipse.microprofile.config.ConfigProvider} can
 * be loaded (so an application's {@code META-INF/microprofile-config.properties}, system properties and environment
 * variables apply, with MicroProfile's environment-variable name mapping); otherwise, and also when MicroProfile
 * Config has no value, in system properties and then environment variables, trying the MicroProfile names: the key
 * itself, the key with every non-alphanumeric character replaced by {@code _}, and that upper-cased
 * ({@code taskq.queue} &rarr; {@code taskq_queue}, {@code TASKQ_QUEUE}).</p>
 *
 * <p>The default is everything after the first {@code :} inside the braces (it may be empty). Several placeholders
 * may appear in one value and may be mixed with literal text; resolved values are not resolved again. An unknown key
 * without a default is an error.</p>
 */
public final class PlaceholderResolver {

    private static final Logger LOG = Logger.getLogger(PlaceholderResolver.class.getName());

    static final String MP_CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    static final String MP_CONFIG = "org.eclipse.microprofile.config.Config";

    private final Function<String, Optional<String>> lookup;
    private final String sourceDescription;

    /**
     * @param lookup            key &rarr; value, {@link Optional#empty()} when the key is not defined
     * @param sourceDescription used in error messages, e.g. "MicroProfile Config"
     */
    public PlaceholderResolver(Function<String, Optional<String>> lookup, String sourceDescription) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.sourceDescription = Objects.requireNonNull(sourceDescription, "sourceDescription");
    }

    /**
     * A resolver backed by MicroProfile Config of {@code classLoader} if MicroProfile Config is available through it,
     * falling back to system properties and environment variables.
     *
     * @param classLoader the application's class loader; {@code null} means the thread context class loader
     */
    public static PlaceholderResolver forClassLoader(ClassLoader classLoader) {
        ClassLoader cl = classLoader;
        if (cl == null) {
            cl = Thread.currentThread().getContextClassLoader();
        }
        if (cl == null) {
            cl = PlaceholderResolver.class.getClassLoader();
        }
        Function<String, Optional<String>> systemAndEnv = systemAndEnvironment(System.getProperties(), System.getenv());
        Optional<Function<String, Optional<String>>> mp = microProfileConfig(cl);
        if (mp.isPresent()) {
            Function<String, Optional<String>> mpLookup = mp.get();
            return new PlaceholderResolver(key -> {
                Optional<String> value = mpLookup.apply(key);
                return value.isPresent() ? value : systemAndEnv.apply(key);
            }, "MicroProfile Config, system properties or environment variables");
        }
        return new PlaceholderResolver(systemAndEnv, "system properties or environment variables");
    }

    /**
     * Looks a key up in {@code systemProperties} (exact key) and then in {@code environment} under the MicroProfile
     * Config environment-variable names of the key.
     */
    static Function<String, Optional<String>> systemAndEnvironment(Properties systemProperties, Map<String, String> environment) {
        return key -> {
            String value = systemProperties.getProperty(key);
            if (value != null) {
                return Optional.of(value);
            }
            for (String name : environmentNames(key)) {
                value = environment.get(name);
                if (value != null) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        };
    }

    /**
     * The environment variable names MicroProfile Config tries for a property name, in order: the name itself, the
     * name with each non-alphanumeric character replaced by {@code _}, and the latter in upper case (duplicates removed).
     */
    public static List<String> environmentNames(String key) {
        List<String> names = new ArrayList<>(3);
        names.add(key);
        StringBuilder sanitized = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sanitized.append((c < 128 && Character.isLetterOrDigit(c)) ? c : '_');
        }
        String s = sanitized.toString();
        if (!names.contains(s)) {
            names.add(s);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (!names.contains(upper)) {
            names.add(upper);
        }
        return names;
    }

    /**
     * MicroProfile Config's {@code ConfigProvider.getConfig(classLoader).getOptionalValue(key, String.class)}, called
     * reflectively so that the adapter neither needs MicroProfile Config at compile time nor at runtime.
     */
    static Optional<Function<String, Optional<String>>> microProfileConfig(ClassLoader classLoader) {
        Class<?> providerClass;
        try {
            providerClass = Class.forName(MP_CONFIG_PROVIDER, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.FINE, "MicroProfile Config is not available, placeholders resolve from system properties and environment", e);
            return Optional.empty();
        }
        try {
            Class<?> configClass = Class.forName(MP_CONFIG, false, providerClass.getClassLoader());
            Object config = providerClass.getMethod("getConfig", ClassLoader.class).invoke(null, classLoader);
            Method getOptionalValue = configClass.getMethod("getOptionalValue", String.class, Class.class);
            return Optional.of(key -> {
                try {
                    Optional<?> value = (Optional<?>) getOptionalValue.invoke(config, key, String.class);
                    return value.map(Object::toString);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    throw new IllegalArgumentException("MicroProfile Config failed to look up '" + key + "': " + cause, cause);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("MicroProfile Config failed to look up '" + key + "': " + e, e);
                }
            });
        } catch (InvocationTargetException e) {
            LOG.log(Level.FINE, "MicroProfile Config API present but no configuration available; "
                    + "placeholders resolve from system properties and environment", e.getCause());
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "MicroProfile Config could not be used; placeholders resolve from system properties and environment", e);
            return Optional.empty();
        }
    }

    /** @return whether {@code value} contains a {@code ${...}} placeholder */
    public static boolean containsPlaceholder(String value) {
        return value != null && value.contains("${");
    }

    /**
     * Resolves all placeholders of {@code value}.
     *
     * @param propertyName only used in error messages
     * @param value        the raw value, may be {@code null} (returned as is)
     * @return the value with all placeholders replaced
     * @throws IllegalArgumentException if a placeholder is malformed or names an undefined key and has no default
     */
    public String resolve(String propertyName, String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int pos = 0;
        while (pos < value.length()) {
            int start = value.indexOf("${", pos);
            if (start < 0) {
                out.append(value, pos, value.length());
                break;
            }
            out.append(value, pos, start);
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("property '" + propertyName + "': unterminated placeholder in '" + value + "'");
            }
            String body = value.substring(start + 2, end);
            int colon = body.indexOf(':');
            String key = (colon < 0 ? body : body.substring(0, colon)).trim();
            String defaultValue = colon < 0 ? null : body.substring(colon + 1);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("property '" + propertyName + "': empty placeholder key in '" + value + "'");
            }
            Optional<String> resolved = lookup.apply(key);
            if (resolved.isPresent()) {
                out.append(resolved.get());
            } else if (defaultValue != null) {
                out.append(defaultValue);
            } else {
                throw new IllegalArgumentException("property '" + propertyName + "': placeholder ${" + key
                        + "} is not defined in " + sourceDescription + " and has no default (use ${" + key + ":default})");
            }
            pos = end + 1;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "PlaceholderResolver[" + sourceDescription + "]";
    }
}
