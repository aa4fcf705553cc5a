package dev.taskq.reliability.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Users submitting tasks ({@link TaskSpec#nth}) over HTTP at a steady rate from several threads until
 * {@code target} tasks were accepted, whatever happens to the services meanwhile. It keeps what each answer said:
 * the tasks accepted (202, with their ids), the refusals (503, which must carry {@code Retry-After}), requests
 * that got no answer (instance down), answers of an instance that is stopping or starting, and anything else
 * (which no scenario expects).
 */
public final class Load implements AutoCloseable {
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);

    private final Http http;
    private final String tag;
    private final int target;
    private final long intervalNanos;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong nextSlot = new AtomicLong();
    private final Map<String, TaskSpec> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile boolean restarting;
    private final Map<Integer, Integer> duringRestart = new ConcurrentHashMap<>();

    /**
     * @param tag       marks every task of this load (in its text or subject)
     * @param users     concurrent submitters
     * @param target    tasks to get accepted
     * @param perSecond submissions per second, all users together
     */
    public Load(Http http, String tag, int users, int target, int perSecond) {
        this.http = http;
        this.tag = tag;
        this.target = target;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < users; i++) {
            Thread thread = new Thread(this::submitUntilDone, "load-" + tag + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    public Load start() {
        nextSlot.set(System.nanoTime());
        threads.forEach(Thread::start);
        return this;
    }

    private void submitUntilDone() {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (!stopped && accepted.size() < target && System.nanoTime() < giveUp) {
            pace();
            TaskSpec task = TaskSpec.nth(tag, next.getAndIncrement());
            // a request sent while the instance was stopping or starting belongs to that window even when its
            // answer (say a 404 of the half-deployed application) arrives just after the window closed
            boolean sentWhileRestarting = restarting;
            try {
                Http.Answer answer = http.postJson("api/tasks", task.json());
                if (answer.status() == 202) {
                    accepted.put(answer.json().getString("task_id"), task);
                } else if (answer.status() == 503 && answer.header("Retry-After").isPresent()
                        && answer.header("Content-Type").orElse("").startsWith("application/problem+json")) {
                    refused.incrementAndGet();
                } else if (sentWhileRestarting || restarting) {
                    duringRestart.merge(answer.status(), 1, Integer::sum);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                } else {
                    unexpected.add(answer.toString());
                }
            } catch (Http.NoAnswer e) {
                unanswered.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            } catch (RuntimeException e) {
                unexpected.add(e.toString());
            }
        }
    }

    /** Waits for this submission's slot, so that all users together keep the rate. */
    private void pace() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlot.getAndUpdate(previous -> Math.max(previous, now) + intervalNanos));
        LockSupport.parkNanos(slot - now);
    }

    /** Waits until {@code count} tasks were accepted. */
    public void awaitAccepted(int count, Duration timeout) {
        Processes.await(count + " tasks accepted (" + accepted.size() + " so far)", timeout,
                () -> accepted.size() >= count);
    }

    /** Waits until the target was reached (or the load gave up) and every user stopped. */
    public void awaitDone(Duration timeout) {
        for (Thread thread : threads) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The tasks accepted so far (202), by id. */
    public Map<String, TaskSpec> accepted() {
        return Map.copyOf(accepted);
    }

    /** The ids of the tasks accepted so far. */
    public Set<String> acceptedIds() {
        return Set.copyOf(accepted.keySet());
    }

    /** Submissions answered 503 with Retry-After and a problem body. */
    public int refused() {
        return refused.get();
    }

    /**
     * Marks the time while the instance is being stopped or started: answers other than 202 and 503 then come from
     * a server that is shutting down or not yet ready, and are counted apart ({@link #answersDuringRestart()}).
     */
    public void restarting(boolean restarting) {
        this.restarting = restarting;
    }

    /** Answers other than 202/503 while the instance was stopping or starting, by status. */
    public Map<Integer, Integer> answersDuringRestart() {
        return Map.copyOf(duringRestart);
    }

    /** Submissions that got no HTTP answer at all (the instance was down). */
    public int unanswered() {
        return unanswered.get();
    }

    /** Any other answer: a 500, a 4xx for a valid task, a 503 without Retry-After … (none expected). */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Submissions made so far. */
    public int submitted() {
        return next.get();
    }

    @Override
    public void close() {
        stopped = true;
        awaitDone(Duration.ofSeconds(40));
    }
}
