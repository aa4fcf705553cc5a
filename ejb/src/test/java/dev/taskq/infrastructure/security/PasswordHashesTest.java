package dev.taskq.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void theCommandLineHashesAPipedPasswordAndPrintsOnlyTheHash() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PasswordHashes.run(new String[0], null,
                new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        String[] parts = lines[0].split(":");
        assertThat(Base64.getDecoder().decode(parts[3])).as("the hash of the line, without its line end")
                .isEqualTo(PasswordHashes.derive("s3cret".toCharArray(), Base64.getDecoder().decode(parts[2]),
                        PasswordHashes.ITERATIONS));
    }

    @Test
    void helpPrintsTheUsageAndAnUnknownOptionIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(PasswordHashes.run(new String[] {"--help"}, null, InputStreamOf.EMPTY, print, print)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:").doesNotContain("PBKDF2WithHmacSHA256:");

        out.reset();
        assertThat(PasswordHashes.run(new String[] {"--hash"}, null, InputStreamOf.EMPTY, print, print)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }

    private static final class InputStreamOf {
        static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
    }
}
