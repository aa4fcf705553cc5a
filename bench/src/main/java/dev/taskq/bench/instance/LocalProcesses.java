package dev.taskq.bench.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What starting and stopping the processes of a system under test needs: a free port, a clean folder, a stop. */
final class LocalProcesses {
    private LocalProcesses() {
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} with all it holds, then creates it empty. */
    static void emptyDirectory(Path dir) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The process and its descendants' ids, the process first. */
    static List<Long> treePids(Process process) {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    /**
     * Stops the process with SIGTERM (it stops its own children), then with SIGKILL after 30 s; any descendant
     * still alive after that is killed too.
     */
    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process and its descendants when this JVM ends (a run that is interrupted leaves none behind). */
    static void killOnExit(Process process, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop " + name));
    }
}
