package dev.taskq.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's login: {@code taskq.admin.username} and the PBKDF2 hash of the password,
 * {@code taskq.admin.password-hash}. There is no built-in password: when no hash is configured, start-up generates
 * a random password and logs it once; its hash (in memory, for this run) is made on the first login, which is the
 * first thing that needs it. Made at start-up, PBKDF2's rounds took about 0.3 s of CPU beside the deployment, on
 * every node, also on workers that nobody logs in to (docs/performance.md).
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

    private String generatedPassword;
    private String passwordHash;

    /** Logs the generated password at start-up, when no hash is configured. */
    void atStartup(@Observes Startup startup) {
        if (configured().isEmpty()) {
            generatedPassword();
        }
    }

    /** Whether {@code password} is the operator's password and {@code user} the operator's name. */
    public boolean matches(String user, String password) {
        if (user == null || password == null || !username.equals(user)) {
            return false;
        }
        try {
            return hashes.verify(password.toCharArray(), passwordHash());
        } catch (IllegalArgumentException e) {
            LOG.severe("taskq.admin.password-hash is not a PBKDF2 hash (" + e.getMessage() + "); nobody can log in");
            return false;
        }
    }

    private Optional<String> configured() {
        return configuredHash.filter(h -> !h.isBlank()).map(String::strip);
    }

    private synchronized String passwordHash() {
        if (passwordHash == null) {
            hashes.initialize(Map.of());
            passwordHash = configured().orElseGet(() -> PasswordHashes.hash(generatedPassword().toCharArray()));
        }
        return passwordHash;
    }

    private synchronized String generatedPassword() {
        if (generatedPassword == null) {
            generatedPassword = PasswordHashes.randomPassword();
            LOG.warning(() -> "\n\n  taskq dashboard login: user '" + username + "', generated password: "
                    + generatedPassword + "\n  (valid until this instance stops; set taskq.admin.password-hash /"
                    + " TASKQ_ADMIN_PASSWORD_HASH to choose one)\n");
        }
        return generatedPassword;
    }
}
