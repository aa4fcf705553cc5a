package dev.taskq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's summary table — scenario, accepted, terminal, lost, duplicate commits, executed twice, notes — one row
 * per scenario, written to {@code target/reliability-summary.md} after every row and printed when the run ends.
 */
public final class Summary {
    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    private Summary() {
    }

    /** One scenario's outcome. {@code executedTwice} is -1 where it does not apply. */
    public record Row(String scenario, int accepted, int terminal, int lost, int duplicateCommits,
            int executedTwice, String notes) {
        public static Row of(String scenario, Ledger.Tally tally, String notes) {
            return new Row(scenario, tally.accepted, tally.terminal, tally.lost, tally.duplicateCommits,
                    tally.executedTwice, notes);
        }
    }

    /** Adds a row and rewrites the file. */
    public static synchronized void add(Row row) {
        ROWS.add(row);
        write();
    }

    /** Adds a line under the table (a measurement, not a scenario) and rewrites the file. */
    public static synchronized void note(String line) {
        NOTES.add(line);
        write();
    }

    public static synchronized String table() {
        StringBuilder table = new StringBuilder("| scenario | accepted | terminal | lost | duplicate commits "
                + "| executed twice | notes |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : ROWS) {
            table.append("| ").append(r.scenario()).append(" | ").append(r.accepted()).append(" | ")
                    .append(r.terminal()).append(" | ").append(r.lost()).append(" | ").append(r.duplicateCommits())
                    .append(" | ").append(r.executedTwice() < 0 ? "–" : Integer.toString(r.executedTwice()))
                    .append(" | ").append(r.notes()).append(" |\n");
        }
        NOTES.forEach(note -> table.append("\n").append(note).append("\n"));
        return table.toString();
    }

    static synchronized boolean isEmpty() {
        return ROWS.isEmpty() && NOTES.isEmpty();
    }

    private static void write() {
        Path file = Path.of(System.getProperty("taskq.reliability.summary", "target/reliability-summary.md"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "# taskq reliability run, " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    + "\n\n" + table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
