package io.dharma.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on a data directory after the process that started it died:
 * its {@code postmaster.pid} names a live postgres process (line 1: pid, line 4: port).
 */
record OrphanedPostmaster(long pid, int port) {

    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

    static Optional<OrphanedPostmaster> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            boolean postgres = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                    .orElse(false);
            return postgres ? Optional.of(new OrphanedPostmaster(pid, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A fast shutdown (SIGINT: sessions ended, transactions rolled back), then waits for the exit. */
    void stop() throws IOException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        try {
            kill.waitFor();
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent()) {
                CompletableFuture<ProcessHandle> exit = postmaster.get().onExit();
                exit.get(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("PostgreSQL (pid " + pid + ") did not stop within " + STOP_PATIENCE, e);
        }
    }
}
