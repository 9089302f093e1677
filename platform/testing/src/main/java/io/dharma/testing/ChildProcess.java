package io.dharma.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One part of the platform in an OS process of its own, so that a test or a fault bench can kill it
 * alone: the same command, environment and working directory on every start (a restart finds the
 * ports and data the killed one left), each start's output in a log file of its own
 * ({@code <name>-<n>.log}), and a start that returns once the program says it is ready.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    /** How a started program shows it serves: a line in its log, an answer on a port... */
    @FunctionalInterface
    public interface Readiness {
        boolean ready(Path log) throws Exception;
    }

    private final String name;
    private final List<String> command;
    private final Optional<Map<String, String>> environment;
    private final Path workDir;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    /** A program started in {@code workDir} with this JVM's environment, its logs under {@code logDir}. */
    public ChildProcess(String name, List<String> command, Path workDir, Path logDir) {
        this(name, command, Optional.empty(), workDir, logDir);
    }

    private ChildProcess(String name, List<String> command, Optional<Map<String, String>> environment, Path workDir,
            Path logDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = environment.map(Map::copyOf);
        this.workDir = workDir;
        this.logDir = logDir;
    }

    /**
     * This program with exactly {@code environment} as its environment: nothing of this JVM's is
     * inherited, so what configures it is only what the caller passes.
     */
    public ChildProcess withEnvironmentOnly(Map<String, String> environment) {
        return new ChildProcess(name, command, Optional.of(environment), workDir, logDir);
    }

    /** The {@code java} this JVM runs on, for a child JVM of the same version. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public String name() {
        return name;
    }

    /** Starts the program and waits until {@code readiness} holds; a program that exits or is not ready in time fails the start. */
    public ChildProcess start(Duration timeout, Readiness readiness) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        log = logDir.resolve(name + "-" + (++starts) + ".log");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            environment.ifPresent(only -> {
                builder.environment().clear();
                builder.environment().putAll(only);
            });
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue()
                                    + " before it was ready; see " + log + "\n" + tail(40));
                        }
                        return readiness.ready(log);
                    });
        } catch (ConditionTimeoutException e) {
            kill9();
            throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log + "\n" + tail(40), e);
        }
        return this;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The log of the latest start. */
    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of the latest start's log. */
    public String tail(int lines) {
        if (log == null || !Files.exists(log)) {
            return "(" + name + " has no log)";
        }
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** SIGKILL to the program and everything it started: no shutdown hook, no flush, no goodbye. */
    public void kill9() {
        if (process != null) {
            killTree(process.toHandle());
        }
    }

    /** SIGKILL to {@code root} and its descendants, returning once all have exited. */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.addFirst(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("pid " + p.pid() + " did not exit after SIGKILL", e);
            }
        }
    }

    /** A clean stop (SIGTERM: shutdown hooks run), forcibly after a while. */
    @Override
    public void close() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill9();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill9();
        }
    }
}
