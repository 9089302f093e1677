package io.dharma.infra.image;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

import tools.jackson.databind.JsonNode;

/**
 * An image's entrypoint run as a container engine would run it, without one: the layers unpacked
 * into a directory that becomes the root (util-linux's {@code unshare --root}), in new mount and PID
 * namespaces with their own /proc and the host's /dev, in the image's working directory, with the
 * image's environment and, when this JVM runs as root, as the image's user. Not as root, a user
 * namespace maps this user to root inside instead: another user cannot be entered without
 * subordinate ids. The network is the host's, as with {@code --network host}.
 */
final class UnpackedContainer implements AutoCloseable {

    private final Process process;
    private final Path log;

    private UnpackedContainer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** Unpacks {@code image} into {@code root} and starts its entrypoint there; output goes to {@code log}. */
    static UnpackedContainer start(OciImageTar image, Path root, Map<String, String> env, Path log) throws IOException {
        String unshare = onPath("unshare");
        String mount = onPath("mount");
        String sh = onPath("sh");
        image.extractTo(root, runningAsRoot());
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));

        JsonNode config = image.runConfig();
        // Outer unshare: the namespaces and /proc; then the host's /dev (a runtime mounts one too),
        // then the inner unshare enters the root, the working directory and the user.
        List<String> command = new ArrayList<>(List.of(unshare, "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc=" + root.resolve("proc")));
        if (!runningAsRoot()) {
            command.add(1, "--map-root-user");
        }
        command.addAll(List.of(sh, "-c", "\"$1\" --rbind /dev \"$0/dev\" && unshare=$2 && shift 2 && exec \"$unshare\" --root=\"$0\" \"$@\"",
                root.toString(), mount, unshare, "--wd=" + config.path("WorkingDir").asString("/")));
        if (runningAsRoot()) {
            String[] user = config.path("User").asString().split(":");
            command.add("--setuid=" + user[0]);
            command.add("--setgid=" + user[1]);
        }
        command.addAll(ServiceImagesTest.strings(config.path("Entrypoint")));
        command.addAll(ServiceImagesTest.strings(config.path("Cmd")));

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        for (String variable : ServiceImagesTest.strings(config.path("Env"))) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        builder.environment().putAll(env);
        return new UnpackedContainer(builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The end of what the process wrote, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the JVM as an engine would: SIGTERM, then SIGKILL after a grace period. Signalled
     * directly, as unshare's --kill-child does not survive the switch to the image's user. It is
     * the first process of its PID namespace, so anything it started goes with it.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException notStoppedInTime) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(handle -> handle.onExit().join());
    }

    private static String onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(tool + " (util-linux) is not on the PATH: it is needed to"
                        + " run an image without a container engine; on Debian: apt-get install util-linux"));
    }
}
