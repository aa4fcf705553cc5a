package dev.taskq.infrastructure.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's login: {@code taskq.admin.username} and the PBKDF2 hash of the password,
 * {@code taskq.admin.password-hash}. There is no built-in password: when no hash is configured, start-up generates
 * a random password, logs it once, and keeps only its hash (in memory, for this run). That hash is made in the
 * background: PBKDF2's rounds took about 0.3 s of a node's start, before its first task, and nothing needs the hash
 * before the first login (which waits for it).
 */
@ApplicationScoped
public class AdminCredentials {
    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

    @Inject
    @ConfigProperty(name = "taskq.admin.username")
    String username;
    @Inject
    @ConfigProperty(name = "taskq.admin.password-hash")
    Optional<String> configuredHash;
    @Inject
    Pbkdf2PasswordHash hashes;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private CompletableFuture<String> passwordHash;

    void atStartup(@Observes Startup startup) {
        passwordHash();
    }

    /** Whether {@code password} is the operator's password and {@code user} the operator's name. */
    public boolean matches(String user, String password) {
        if (user == null || password == null || !username.equals(user)) {
            return false;
        }
        try {
            return hashes.verify(password.toCharArray(), passwordHash().join());
        } catch (IllegalArgumentException e) {
            LOG.severe("taskq.admin.password-hash is not a PBKDF2 hash (" + e.getMessage() + "); nobody can log in");
            return false;
        }
    }

    private synchronized CompletableFuture<String> passwordHash() {
        if (passwordHash == null) {
            hashes.initialize(Map.of());
            passwordHash = configuredHash.filter(h -> !h.isBlank()).map(String::strip)
                    .map(CompletableFuture::completedFuture).orElseGet(this::generated);
        }
        return passwordHash;
    }

    private CompletableFuture<String> generated() {
        String password = PasswordHashes.randomPassword();
        LOG.warning(() -> "\n\n  taskq dashboard login: user '" + username + "', generated password: " + password
                + "\n  (valid until this instance stops; set taskq.admin.password-hash / TASKQ_ADMIN_PASSWORD_HASH"
                + " to choose one)\n");
        return CompletableFuture.supplyAsync(() -> PasswordHashes.hash(password.toCharArray()), executor);
    }
}
