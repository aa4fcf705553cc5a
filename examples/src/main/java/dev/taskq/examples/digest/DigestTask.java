package dev.taskq.examples.digest;

import dev.taskq.api.Backoff;
import dev.taskq.api.TaskContext;
import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskField;
import dev.taskq.api.TaskFailedException;
import dev.taskq.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * "Digest a text": the text hashed {@code rounds} times (each round hashes the previous digest), in hex. CPU work
 * on a queue of its own, "cpu", so that a pile of long digests never holds up the other kinds; at most 2 retries
 * with exponential back-off, and 30 s per attempt.
 */
@TaskDefinition(name = "digest", title = "Digest a text",
        description = "Hashes the text the given number of rounds; shows its progress.",
        retries = 2, retryDelay = "PT1S", backoff = Backoff.EXPONENTIAL, timeLimit = "PT30S", queue = "cpu")
@ApplicationScoped
public class DigestTask implements TaskHandler<DigestTask.Request> {

    /** The algorithms a digest may use. */
    public enum Algorithm {
        SHA_256("SHA-256"), SHA_512("SHA-512"), SHA3_256("SHA3-256");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    /** What "digest" takes; the constraints are the rules of the REST API and of the web form alike. */
    public record Request(
            @NotBlank @Size(max = 100_000) @TaskField(multiline = true) String text,
            @NotNull Algorithm algorithm,
            @Min(1) @Max(10_000_000) @TaskField(help = "each round hashes the previous digest") int rounds) {
    }

    @Override
    public String run(Request request, TaskContext context) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(request.algorithm().jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new TaskFailedException(request.algorithm() + " is not available on this JVM", e);
        }
        context.log("hashing " + request.text().length() + " characters " + request.rounds() + " times with "
                + request.algorithm());
        byte[] value = request.text().getBytes(StandardCharsets.UTF_8);
        int step = Math.max(1, request.rounds() / 100);
        for (int round = 1; round <= request.rounds(); round++) {
            value = digest.digest(value);
            if (round % step == 0) {
                if (context.cancelled()) {
                    context.log("revoked after " + round + " rounds");
                    throw new TaskFailedException("revoked");
                }
                context.progress((int) (100L * round / request.rounds()), round + " of " + request.rounds() + " rounds");
            }
        }
        String hex = HexFormat.of().formatHex(value);
        context.log("done: " + hex);
        return hex;
    }
}
