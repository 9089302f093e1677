package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One part of the platform in its own OS process, so that a fault can kill it alone: a child JVM
 * running {@code dharma-bench.jar component <kind>} (see {@link FaultComponent}), which prints
 * {@link FaultComponent#READY} once it serves. Output goes to a log file per start.
 */
final class ComponentProcess implements AutoCloseable {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> arguments;
    private final Path logDir;
    private final String heap;
    private Process process;
    private int starts;

    private ComponentProcess(String name, List<String> arguments, Path logDir, String heap) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.logDir = logDir;
        this.heap = heap;
    }

    /** A component of {@code kind} with its arguments (the same on every start, so a restart finds its data). */
    static ComponentProcess of(String kind, List<String> arguments, Path logDir, String heap) {
        List<String> all = new ArrayList<>(List.of("component", kind));
        all.addAll(arguments);
        return new ComponentProcess(kind, all, logDir, heap);
    }

    String name() {
        return name;
    }

    /** Starts the child JVM and waits until it prints that it is ready. */
    ComponentProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Path log = logDir.resolve(name + "-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow", "-jar", benchJar()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(log, timeout);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL to the process and everything it started: no shutdown hook, no flush, no goodbye. */
    void kill9() {
        killTree(process.toHandle());
    }

    static void killTree(ProcessHandle root) {
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

    private void awaitReady(Path log, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(log) && Files.readString(log).contains(FaultComponent.READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                kill9();
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
            }
            sleep(200);
        }
    }

    /** A clean stop (SIGTERM: shutdown hooks run), forcibly after a while. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
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

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar this bench runs from (java -jar dharma-bench.jar): the children run its other entry points. */
    private static String benchJar() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            throw new IllegalStateException("the fault bench starts its components from dharma-bench.jar: run it with "
                    + "bench/run faults (java -jar), not from " + classPath);
        }
        return Path.of(classPath).toAbsolutePath().toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
