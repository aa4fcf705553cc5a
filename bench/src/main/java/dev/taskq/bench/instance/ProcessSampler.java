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
import java.util.function.Supplier;

/**
 * Reads the resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and CPU time ({@code utime + stime} of
 * {@code /proc/<pid>/stat}) of a process, or the sums over a group of processes, now or every {@code intervalMs} in
 * the background. For a group: pages that processes share (a forked worker's) count in each; a process that ended
 * takes its CPU time out of the sum.
 */
public final class ProcessSampler implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux x86-64 and arm64). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Supplier<List<Long>> pids;
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
        this(() -> List.of(pid));
    }

    /**
     * Samples the processes whose executable's file name is one of {@code executables} (e.g. RabbitMQ's
     * {@code beam.smp} and {@code redis-server}) now; none when they run elsewhere.
     */
    public static ProcessSampler ofExecutables(String... executables) {
        List<String> names = List.of(executables);
        List<Long> pids = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> names.contains(Path.of(c).getFileName().toString()))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
        return new ProcessSampler(() -> pids);
    }

    /** Samples the processes that {@code pids} names at each reading. */
    public ProcessSampler(Supplier<List<Long>> pids) {
        this.pids = pids;
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
            // the processes have ended: nothing more to sample
        }
    }

    /** The sums over the processes now; {@link UncheckedIOException} if none of them is there any more. */
    public Sample now() {
        long at = System.nanoTime();
        double cpuSeconds = 0;
        double rssMiB = 0;
        int read = 0;
        IOException gone = null;
        for (long pid : pids.get()) {
            try {
                Sample one = read(at, pid);
                cpuSeconds += one.cpuSeconds();
                rssMiB += one.rssMiB();
                read++;
            } catch (IOException e) {
                gone = e; // ended between the listing and the reading
            }
        }
        if (read == 0) {
            throw new UncheckedIOException(gone != null ? gone : new IOException("no process to sample"));
        }
        return new Sample(at, cpuSeconds, rssMiB);
    }

    private static Sample read(long at, long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name, which is in parentheses and may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        double rssKiB = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(0);
        return new Sample(at, ticks / TICKS_PER_SECOND, rssKiB / 1024);
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
