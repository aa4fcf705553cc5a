package dev.taskq.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** The one identity taskq knows, the operator ({@link AdminCredentials}), in the group {@value #ROLE}. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {
    /** The role (and group) that may use the dashboard and the admin API. */
    public static final String ROLE = "admin";

    @Inject
    AdminCredentials credentials;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return credentials.matches(credential.getCaller(), credential.getPasswordAsString())
                ? new CredentialValidationResult(credential.getCaller(), Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
