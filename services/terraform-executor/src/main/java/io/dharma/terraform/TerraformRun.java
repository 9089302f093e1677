package io.dharma.terraform;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * <p>
 * Terraform writes to a file ({@code ../runs/} beside the working directory), not to a pipe: if
 * the platform dies (kill -9), a pipe would break and Terraform would die of SIGPIPE in the middle
 * of an apply, leaving created resources out of the state. Writing to a file, an orphaned apply
 * finishes, saves the state and releases its lock, which the next run waits for.
 */
final class TerraformRun {

    private static final Logger log = LoggerFactory.getLogger(TerraformRun.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(100);
    /** Beside each stack's working directory: the output files of its runs under way. */
    static final String RUNS_DIR = "runs";

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
        Path runs = Files.createDirectories(directory.resolveSibling(RUNS_DIR));
        Path outputFile = runs.resolve(arguments.getFirst() + "-" + UUID.randomUUID() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(outputFile.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        slots.acquire();
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            OutputFollower output = new OutputFollower(outputFile, lines);
            Thread follower = Thread.ofVirtual().start(() -> output.follow(process));
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop(process);
                    follower.join();
                    return new Result(-1, output.text() + "\nterraform " + arguments.getFirst() + " did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                stop(process);
                throw e;
            }
            follower.join();
            log.debug("terraform {} in {} exited {} after {} ms", arguments.getFirst(), directory, process.exitValue(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Result(process.exitValue(), output.text());
        } finally {
            slots.release();
            Files.deleteIfExists(outputFile);
        }
    }

    /** Reads a growing output file line by line until the process has exited and the file is read to its end. */
    private static final class OutputFollower {

        private final Path file;
        private final Consumer<String> lines;
        private final StringBuilder text = new StringBuilder();

        OutputFollower(Path file, Consumer<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        void follow(Process process) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                while (true) {
                    boolean exited = !process.isAlive();
                    int read;
                    while ((read = in.read()) >= 0) {
                        if (read == '\n') {
                            emit(line);
                        } else {
                            line.write(read);
                        }
                    }
                    if (exited) {
                        if (line.size() > 0) {
                            emit(line);
                        }
                        return;
                    }
                    Thread.sleep(FOLLOW_INTERVAL.toMillis());
                }
            } catch (IOException e) {
                log.debug("reading terraform's output ended: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void emit(ByteArrayOutputStream line) {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            synchronized (this.text) {
                this.text.append(text).append('\n');
            }
            lines.accept(text);
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
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
