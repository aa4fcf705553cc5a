package dev.taskq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.reliability.lab.FaultLab;
import dev.taskq.reliability.lab.Ledger;
import dev.taskq.reliability.lab.Load;
import dev.taskq.reliability.lab.Summary;
import dev.taskq.reliability.lab.TaskSpec;
import dev.taskq.reliability.lab.TaskqProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker dies: taskq (API and workers, one Payara Micro process) is killed with {@code kill -9} in the middle
 * of 2 000 tasks while users keep submitting, started again, later stopped with SIGTERM and started again. Every
 * task that was answered 202 ends terminal with its right result, committed exactly once.
 */
class WorkerKillIT {
    private static final int TASKS = 2_000;

    @Test
    void everyAcceptedTaskEndsOnceThoughTheWorkerIsKilledAndLaterStopped() {
        FaultLab lab = FaultLab.get();
        TaskqProcess taskq = lab.taskq();
        Ledger ledger = lab.ledger();
        // submitted faster than 4 workers at 20 ms a task can run them: there is a backlog when the worker dies
        Load load = new Load(taskq.http(), "kill", 8, TASKS, 300).start();
        long unfinishedAtKill;
        long runningAtKill;
        long startedAfterStop;
        long unfinishedAfterStop;
        long queuedAfterStop;
        Duration restart;
        Duration gracefulStop;
        try (load) {
            ledger.awaitTerminal(load::acceptedIds, 500);
            ledger.awaitBacklog(load::acceptedIds, 50);
            load.restarting(true);
            taskq.kill();
            Map<String, TaskSpec> atKill = load.accepted();
            unfinishedAtKill = atKill.size() - ledger.terminal(atKill.keySet());
            runningAtKill = ledger.inState(atKill.keySet(), "STARTED") + ledger.inState(atKill.keySet(), "RETRY");
            restart = taskq.start();
            load.restarting(false);

            ledger.awaitTerminal(load::acceptedIds, 1_300);
            load.restarting(true);
            gracefulStop = taskq.terminate(Duration.ofSeconds(90));
            Map<String, TaskSpec> atStop = load.accepted();
            startedAfterStop = ledger.inState(atStop.keySet(), "STARTED") + ledger.inState(atStop.keySet(), "RETRY");
            unfinishedAfterStop = atStop.size() - ledger.terminal(atStop.keySet());
            queuedAfterStop = lab.queueDepth();
            taskq.start();
            load.restarting(false);
            load.awaitDone(Duration.ofMinutes(3));
        }
        Map<String, TaskSpec> accepted = load.accepted();
        ledger.awaitAllTerminal(accepted.keySet());

        Ledger.Tally tally = ledger.tally(accepted);
        List<Ledger.Entry> strays = ledger.strays("kill", accepted.keySet());
        Summary.add(Summary.Row.of("1. worker kill -9 + restart, then SIGTERM + restart", tally,
                String.format("%d unfinished and %d running when killed; restart %d s; SIGTERM stop %.1f s left "
                                + "%d running, %d unfinished, %d queued; %d submissions unanswered while down, "
                                + "answers while stopping/starting %s; %d records left by unanswered submissions%s",
                        unfinishedAtKill, runningAtKill, restart.toSeconds(),
                        gracefulStop.toMillis() / 1000.0, startedAfterStop, unfinishedAfterStop, queuedAfterStop,
                        load.unanswered(), load.answersDuringRestart(), strays.size(),
                        Ledger.byState(strays))));
        System.out.println("worker kill: " + tally);

        assertThat(unfinishedAtKill).as("tasks not yet terminal when the worker was killed").isPositive();
        assertThat(tally.accepted).isGreaterThanOrEqualTo(TASKS);
        assertThat(tally.lost).as("accepted tasks not terminal: " + tally).isZero();
        assertThat(tally.duplicateCommits).as("tasks committed more than once: " + tally).isZero();
        assertThat(tally.wrongOutcomes).as("tasks with a wrong outcome: " + tally).isZero();
        assertThat(tally.wrongSentRecords).as("e-mails without exactly one sent record: " + tally).isZero();
        assertThat(load.unexpected()).as("answers other than 202/503 while the instance was up").isEmpty();
        assertThat(startedAfterStop).as("tasks left running by the graceful stop").isZero();
        assertThat(queuedAfterStop).as("messages on the queue after the graceful stop")
                .isGreaterThanOrEqualTo(unfinishedAfterStop);
    }
}
