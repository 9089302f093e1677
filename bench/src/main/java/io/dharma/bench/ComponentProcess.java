package io.dharma.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dharma.testing.ChildProcess;

/**
 * One part of the platform in its own OS process, so that a fault can kill it alone: a child JVM
 * running {@code dharma-bench.jar component <kind>} (see {@link FaultComponent}), which prints
 * {@link FaultComponent#READY} once it serves. Output goes to a log file per start.
 */
final class ComponentProcess implements AutoCloseable {

    private final ChildProcess process;

    private ComponentProcess(ChildProcess process) {
        this.process = process;
    }

    /** A component of {@code kind} with its arguments (the same on every start, so a restart finds its data). */
    static ComponentProcess of(String kind, List<String> arguments, Path logDir, String heap) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow", "-jar", benchJar(), "component", kind));
        command.addAll(arguments);
        return new ComponentProcess(new ChildProcess(kind, command, Path.of("").toAbsolutePath(), logDir));
    }

    String name() {
        return process.name();
    }

    /** Starts the child JVM and waits until it prints that it is ready. */
    ComponentProcess start(Duration timeout) {
        process.start(timeout, log -> Files.exists(log) && Files.readString(log).contains(FaultComponent.READY));
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL to the process and everything it started: no shutdown hook, no flush, no goodbye. */
    void kill9() {
        process.kill9();
    }

    /** A clean stop (SIGTERM: shutdown hooks run), forcibly after a while. */
    @Override
    public void close() {
        process.close();
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
