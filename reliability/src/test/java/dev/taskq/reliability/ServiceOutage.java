package dev.taskq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.reliability.lab.BackingService;
import dev.taskq.reliability.lab.FaultLab;
import dev.taskq.reliability.lab.Ledger;
import dev.taskq.reliability.lab.Load;
import dev.taskq.reliability.lab.Summary;
import dev.taskq.reliability.lab.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A backing service dies under load and comes back: users submit tasks at a steady rate; once some are accepted
 * and some done, the service is killed ({@code kill -9}), left down for a while, and started again; the users go on
 * until {@code target} tasks were accepted. What every scenario of this kind asserts: each task answered 202 ends
 * terminal with its right result, committed once; while the service was down submissions were answered 503 with
 * {@code Retry-After}, never 500 and never left unanswered; no refused submission left a record behind.
 */
final class ServiceOutage {
    private static final Duration DOWN = Duration.ofSeconds(6);

    private ServiceOutage() {
    }

    /**
     * Runs the scenario, adds its row to the summary and asserts the guarantee.
     *
     * @param storeDies whether the service is the task store: then a submission whose record reached Redis just
     *                  before the connection died is answered 503 and may leave that record behind — PENDING,
     *                  never run, as nothing was enqueued; otherwise a refused submission leaves nothing
     */
    static Ledger.Tally run(String scenario, String tag, BackingService service, int target, boolean storeDies) {
        FaultLab lab = FaultLab.get();
        Ledger ledger = lab.ledger();
        // submitted faster than 4 workers at 20 ms a task can run them: there is a backlog when the service dies
        Load load = new Load(lab.taskq().http(), tag, 8, target, 250).start();
        long unfinishedAtKill;
        long downMs;
        try (load) {
            load.awaitAccepted(target / 4, Duration.ofMinutes(2));
            ledger.awaitTerminal(load::acceptedIds, target / 8);
            ledger.awaitBacklog(load::acceptedIds, 20);
            Map<String, TaskSpec> atKill = load.accepted();
            unfinishedAtKill = atKill.size() - ledger.terminal(atKill.keySet());
            long down = System.nanoTime();
            service.kill();
            sleep(DOWN);
            service.start();
            downMs = Duration.ofNanos(System.nanoTime() - down).toMillis();
            load.awaitDone(Duration.ofMinutes(4));
        }
        Map<String, TaskSpec> accepted = load.accepted();
        ledger.awaitAllTerminal(accepted.keySet());
        Ledger.Tally tally = ledger.tally(accepted);
        List<Ledger.Entry> strays = ledger.strays(tag, accepted.keySet());
        Summary.add(Summary.Row.of(scenario, tally, String.format("down %.1f s; %d unfinished when killed; "
                        + "%d submissions answered 503 + Retry-After, %d other answers, %d unanswered; %d records "
                        + "left by refused submissions%s", downMs / 1000.0, unfinishedAtKill, load.refused(),
                load.unexpected().size(), load.unanswered(), strays.size(), Ledger.byState(strays))));
        System.out.println(scenario + ": " + tally);

        assertThat(unfinishedAtKill).as("tasks not yet terminal when the service was killed").isPositive();
        assertThat(load.refused()).as("submissions answered 503 while the service was down").isPositive();
        assertThat(load.unexpected()).as("answers other than 202 or 503 with Retry-After").isEmpty();
        assertThat(load.unanswered()).as("submissions without any answer").isZero();
        assertThat(tally.accepted).isGreaterThanOrEqualTo(target);
        assertThat(tally.lost).as("accepted tasks not terminal: " + tally).isZero();
        assertThat(tally.duplicateCommits).as("tasks committed more than once: " + tally).isZero();
        assertThat(tally.wrongOutcomes).as("tasks marked done without their right result: " + tally).isZero();
        assertThat(tally.wrongSentRecords).as("e-mails without exactly one sent record: " + tally).isZero();
        if (storeDies) {
            assertThat(strays).as("records left by refused submissions: only PENDING ones, never run")
                    .allSatisfy(e -> assertThat(e.state()).isEqualTo("PENDING"));
        } else {
            assertThat(strays).as("records left by submissions that were not accepted").isEmpty();
        }
        return tally;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
