package dev.taskq.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void aHashHasThePbkdf2PasswordHashFormatAndDerivesFromThePasswordAndItsSalt() {
        String hash = PasswordHashes.hash("s3cret".toCharArray());

        String[] parts = hash.split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(Integer.parseInt(parts[1])).isEqualTo(PasswordHashes.ITERATIONS);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        assertThat(Base64.getDecoder().decode(parts[3]))
                .isEqualTo(PasswordHashes.derive("s3cret".toCharArray(), salt, PasswordHashes.ITERATIONS))
                .isNotEqualTo(PasswordHashes.derive("s3cret!".toCharArray(), salt, PasswordHashes.ITERATIONS));
        assertThat(PasswordHashes.hash("s3cret".toCharArray())).as("a new salt each time").isNotEqualTo(hash);
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        String one = PasswordHashes.randomPassword();
        assertThat(one).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(PasswordHashes.randomPassword()).isNotEqualTo(one);
    }
}
