package dev.taskq.infrastructure.security;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in the format of Jakarta Security's {@code Pbkdf2PasswordHash},
 * {@code PBKDF2WithHmacSHA256:<iterations>:<salt, Base64>:<hash, Base64>}, which the server verifies. Run as a
 * program ({@code payara-config/password-hash.sh}, {@code --help}) it prints only the hash of a password read
 * without echo from the terminal, or from standard input when piped, for {@code taskq.admin.password-hash}.
 */
public final class PasswordHashes {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** The hash of {@code password} with a new random salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** A random password of 20 letters and digits (about 119 bits). */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, KEY_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static final String USAGE = """
            usage: payara-config/password-hash.sh [--stdin | PASSWORD]
                   (or java -cp <the ejb jar or ejb/target/classes> %s [...])

            Prints the PBKDF2 hash of a password, for TASKQ_ADMIN_PASSWORD_HASH (taskq.admin.password-hash),
            and nothing else on standard output.
              (no argument)  asks for the password twice on the terminal, without echo; with no terminal
                             (piped), reads it from standard input, as --stdin does
              --stdin        reads the password from standard input: its first line, without the line end
              PASSWORD       hashes this argument (it stays in the shell's history: prefer the two above)
              -h, --help     prints this text
            """.formatted(PasswordHashes.class.getName());

    /** The command line: the hash on standard output; usage, prompts and errors on the terminal or standard error. */
    public static void main(String[] args) throws java.io.IOException {
        int status = run(args, System.console(), System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, Console console, java.io.InputStream in, java.io.PrintStream out,
            java.io.PrintStream err) throws java.io.IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-") && !args[0].equals("--stdin")) {
            err.print(USAGE);
            return 2;
        }
        char[] password;
        if (args.length == 1 && !args[0].equals("--stdin")) {
            password = args[0].toCharArray();
        } else if (args.length == 0 && console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
                err.println("the two passwords differ");
                return 2;
            }
        } else {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))
                    .readLine();
            password = line == null ? null : line.toCharArray();
        }
        if (password == null || password.length == 0) {
            err.println("no password given (--help tells how)");
            return 2;
        }
        out.println(hash(password));
        return 0;
    }
}
