package dev.taskq.bench.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and CPU time
 * ({@code utime + stime} of {@code /proc/<pid>/stat}) now, or every {@code intervalMs} in the background.
 */
public final class ProcessSampler implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux x86-64 and arm64). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "proc-sampler");
        t.setDaemon(true);
        return t;
    });

    /** One reading: when ({@link System#nanoTime()}), CPU seconds used so far, resident memory in MiB. */
    public record Sample(long nanos, double cpuSeconds, double rssMiB) {
    }

    public ProcessSampler(long pid) {
        this.pid = pid;
    }

    /** Samples every {@code intervalMs} until {@link #close()}. */
    public ProcessSampler every(long intervalMs) {
        timer.scheduleAtFixedRate(this::record, 0, intervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    private void record() {
        try {
            Sample sample = now();
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (UncheckedIOException e) {
            // the process has ended: nothing more to sample
        }
    }

    public Sample now() {
        try {
            long at = System.nanoTime();
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            double rssKiB = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
            return new Sample(at, ticks / TICKS_PER_SECOND, rssKiB / 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples taken so far, oldest first. */
    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
