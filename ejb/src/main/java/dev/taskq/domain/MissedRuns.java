package dev.taskq.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a recurring schedule does about the slots it missed while no taskq instance ran (or it was late). */
public enum MissedRuns {
    /** Run one catch-up task for all the missed slots, then go on as usual (the default). */
    FIRE_ONCE,
    /** Run nothing for them; the next slot runs as usual. */
    SKIP;

    /** As written in configuration and the API: {@code fire-once}, {@code skip}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The policy labelled {@code label} ({@code fire-once} or {@code skip}, any case; blank for the default).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static MissedRuns of(String label) {
        if (label == null || label.isBlank()) {
            return FIRE_ONCE;
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(p -> p.label().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of: " + Arrays.stream(values())
                        .map(MissedRuns::label).collect(Collectors.joining(", "))));
    }
}
