package dev.taskq.bench.report;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one phase of a run (e.g. {@code burst-16}, {@code steady-200}) saw, filled in while it runs. */
public final class PhaseLog {
    private final String name;
    private final boolean reported;
    private final Queue<TaskTiming> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger httpErrors = new AtomicInteger();
    private volatile String metricsAfter = "";

    /**
     * @param reported false for the warm-up, which is run but left out of the results
     */
    public PhaseLog(String name, boolean reported) {
        this.name = name;
        this.reported = reported;
    }

    public String name() {
        return name;
    }

    public boolean reported() {
        return reported;
    }

    /** A task is about to be submitted. */
    public TaskTiming submitting() {
        TaskTiming task = new TaskTiming();
        tasks.add(task);
        return task;
    }

    /** A request got an unexpected answer (or none). */
    public void httpError() {
        httpErrors.incrementAndGet();
    }

    /** The instance's /metrics text right after the phase. */
    public void metricsAfter(String prometheusText) {
        metricsAfter = prometheusText;
    }

    List<TaskTiming> tasks() {
        return List.copyOf(tasks);
    }

    int httpErrors() {
        return httpErrors.get();
    }

    String metricsAfter() {
        return metricsAfter;
    }
}
