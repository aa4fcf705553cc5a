package dev.taskq.application;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Where handlers run: threads apart from the message-driven beans', so that an attempt past its time limit can be
 * given up without waiting for it. A handler that ignores its interruption keeps its thread (it is left behind and
 * counted), but never its worker's slot.
 */
public interface HandlerThreads {

    /**
     * Runs {@code work} on a handler thread and waits for it, at most {@code timeLimit} (null: no limit).
     *
     * @param watched is told which thread runs the handler (so that a revocation can interrupt it), and tells
     *                whether the attempt was revoked: a revoked handler that does not stop within the grace time is
     *                left behind like one past its time limit
     * @return what {@code work} returned
     * @throws TimeLimitExceededException when the time limit passed first (the thread was interrupted)
     * @throws AbandonedException         when the attempt was revoked and its handler ignored the interruption
     * @throws Exception                  what {@code work} threw
     */
    <T> T run(Callable<T> work, Duration timeLimit, Watched watched) throws Exception;

    /** Threads that ignored their interruption and were left running, since this instance started. */
    int abandoned();

    /** What the handler threads need to know of an attempt. */
    interface Watched {
        /** The handler runs on {@code thread} now (null: it returned). */
        void runsOn(Thread thread);

        /** Whether the attempt was revoked. */
        boolean cancelled();
    }

    /** A revoked attempt's handler ignored its interruption: its thread was left behind, its slot freed. */
    class AbandonedException extends Exception {
        private static final long serialVersionUID = 1L;

        public AbandonedException() {
            super("revoked; the handler ignored its interruption and was left behind");
        }
    }

    /** An attempt ran past its time limit. */
    class TimeLimitExceededException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean abandoned;

        public TimeLimitExceededException(Duration limit, boolean abandoned) {
            super("time limit exceeded (" + limit + ")");
            this.abandoned = abandoned;
        }

        /** Whether the handler ignored its interruption and its thread was left behind. */
        public boolean abandoned() {
            return abandoned;
        }
    }
}
