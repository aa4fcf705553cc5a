package dev.taskq.domain;

import java.util.Locale;

/**
 * The work each kind of task does, as pure functions of its input (the simulated duration is added by the
 * application layer). Behaviour as in the Flask/Celery app taskq replaces.
 */
public final class TaskWork {

    private TaskWork() {
    }

    /** Runs {@code input}'s work and returns its result; throws {@link TaskFailedException} when the work fails. */
    public static String perform(TaskInput input) {
        if (input instanceof EmailTask email) {
            return sendEmail(email.getRecipient(), email.getSubject());
        }
        TextTask text = (TextTask) input;
        return text.kind() == TaskKind.REVERSE ? reverse(text.getText()) : sentiment(text.getText());
    }

    /** Simulated sending: a recipient containing "fail" (any case) fails, as in the original. */
    public static String sendEmail(String recipient, String subject) {
        if (recipient.toLowerCase(Locale.ROOT).contains("fail")) {
            throw new TaskFailedException("could not deliver email to " + recipient);
        }
        return "Email sent to " + recipient + " (subject: " + subject + ")";
    }

    /** The text reversed by Unicode code point, so that characters outside the BMP stay whole. */
    public static String reverse(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder(text.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return reversed.toString();
    }

    /** "positive" when the text contains "good" (any case), otherwise "negative". */
    public static String sentiment(String text) {
        return text.toLowerCase(Locale.ROOT).contains("good") ? "positive" : "negative";
    }
}
