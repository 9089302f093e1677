package io.dharma.terraform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs terraform commands: with only the environment it is given (no variable of the JVM's leaks
 * into a provider), at most {@code maxParallelRuns} at once, output collected (and streamed line by
 * line to a consumer where asked), stopped on interrupt with SIGTERM, which Terraform treats like
 * Ctrl-C: it lets the operations under way finish and writes the state before it exits.
 */
final class TerraformRun {

    private static final Logger log = LoggerFactory.getLogger(TerraformRun.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);

    private final String binary;
    private final Semaphore slots;
    private final Duration timeout;

    TerraformRun(String binary, int maxParallelRuns, Duration timeout) {
        this.binary = binary;
        this.slots = new Semaphore(maxParallelRuns, true);
        this.timeout = timeout;
    }

    /** What a command printed (stdout and stderr merged) and how it exited. */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    Result run(Path directory, Map<String, String> environment, List<String> arguments) throws InterruptedException, IOException {
        return run(directory, environment, arguments, line -> { });
    }

    /** @param lines told of each output line as Terraform prints it */
    Result run(Path directory, Map<String, String> environment, List<String> arguments, Consumer<String> lines)
            throws InterruptedException, IOException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        slots.acquire();
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> read(process, output, lines));
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop(process);
                    reader.join();
                    return new Result(-1, output + "\nterraform " + arguments.getFirst() + " did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                stop(process);
                throw e;
            }
            reader.join();
            log.debug("terraform {} in {} exited {} after {} ms", arguments.getFirst(), directory, process.exitValue(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Result(process.exitValue(), output.toString());
        } finally {
            slots.release();
        }
    }

    private static void read(Process process, StringBuilder output, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                lines.accept(line);
            }
        } catch (IOException e) {
            log.debug("reading terraform's output ended: {}", e.toString());
        }
    }

    /** SIGTERM, then wait for Terraform to finish what it started and save the state; SIGKILL only after that. */
    private static void stop(Process process) {
        process.destroy();
        boolean interrupted = Thread.interrupted();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("terraform did not stop within {} of SIGTERM; killing it", GRACEFUL_STOP);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
