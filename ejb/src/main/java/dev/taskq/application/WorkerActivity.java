package dev.taskq.application;

import dev.taskq.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What this instance's workers are doing: how many run a task now, and how many tasks they finished. */
@ApplicationScoped
public class WorkerActivity {
    private final Instant startedAt = Instant.now();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A worker took a task. */
    public void taskTaken() {
        busy.incrementAndGet();
    }

    /** A worker is done with a task (whatever became of it). */
    public void taskReleased() {
        busy.decrementAndGet();
    }

    /** A task this instance ran reached SUCCESS or FAILURE. */
    public void finished(TaskState outcome) {
        processed.incrementAndGet();
        if (outcome == TaskState.FAILURE) {
            failed.incrementAndGet();
        }
    }

    public int busy() {
        return busy.get();
    }

    public long processed() {
        return processed.get();
    }

    public long failed() {
        return failed.get();
    }

    public Instant startedAt() {
        return startedAt;
    }
}
