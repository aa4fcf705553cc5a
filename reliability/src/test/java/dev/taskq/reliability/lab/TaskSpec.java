package dev.taskq.reliability.lab;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * One task a simulated user submits, and what it must end as: the JSON body, the terminal state, and for SUCCESS
 * the exact result — computed here from taskq's documented rules, independently of its code.
 *
 * @param json           the body of {@code POST /api/tasks}
 * @param type           email, reverse or sentiment
 * @param expectedState  SUCCESS or FAILURE
 * @param expectedResult the result a SUCCESS must carry ({@code null} for FAILURE)
 */
public record TaskSpec(String json, String type, String expectedState, String expectedResult) {

    /**
     * The {@code n}-th task of a run tagged {@code tag}: a mix of every kind, with one e-mail in fifty to a
     * recipient that fails (retried three times, then FAILURE). The tag is in every task's text or subject.
     */
    public static TaskSpec nth(String tag, int n) {
        String text = tag + " task " + n + (n % 3 == 0 ? " good" : "") + (n % 7 == 0 ? " 👍 ünïcode" : "");
        return switch (n % 10) {
            case 0, 1, 2, 3 -> reverse(text);
            case 4, 5, 6 -> sentiment(text);
            default -> email((n % 50 == 9 ? "fail-" : "user") + n + "@example.com", text, "reliability run");
        };
    }

    /** Reverse: the text reversed by code point, so that 👍 stays whole. */
    public static TaskSpec reverse(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return new TaskSpec(json("reverse").add("text", text).build().toString(), "reverse", "SUCCESS",
                reversed.toString());
    }

    /** Sentiment: positive when the text says "good" (any case). */
    public static TaskSpec sentiment(String text) {
        return new TaskSpec(json("sentiment").add("text", text).build().toString(), "sentiment", "SUCCESS",
                text.toLowerCase(Locale.ROOT).contains("good") ? "positive" : "negative");
    }

    /** E-mail: sent, unless the recipient contains "fail" (then retried three times and FAILURE). */
    public static TaskSpec email(String recipient, String subject, String body) {
        String json = json("email").add("recipient", recipient).add("subject", subject).add("body", body).build()
                .toString();
        return recipient.toLowerCase(Locale.ROOT).contains("fail")
                ? new TaskSpec(json, "email", "FAILURE", null)
                : new TaskSpec(json, "email", "SUCCESS", "Email sent to " + recipient + " (subject: " + subject + ")");
    }

    private static JsonObjectBuilder json(String type) {
        return Json.createObjectBuilder().add("type", type);
    }
}
