package io.dharma.terraform;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The highest fencing token seen for one stack ({@link Stack#fencingToken()}), in
 * {@code <workDir>/stacks/<blueprintId>/fencing-token}, beside the stack's working directory:
 * a call with a lower token comes from a worker that lost the stack and is refused before Terraform
 * runs. Used under the executor's per-stack lock, so checking and raising are one step; the file is
 * replaced atomically, so a crash leaves the old token or the new one.
 */
final class StackFence {

    static final String FILE = "fencing-token";

    private final Path file;

    StackFence(Path stacksDir, Stack stack) {
        this.file = stacksDir.resolve(stack.blueprintId()).resolve(FILE);
    }

    /** Refuses a call whose token is stale; remembers the call's token when it is the highest yet. */
    void admit(Stack stack) throws ExecutorException {
        if (!stack.fenced()) {
            return;
        }
        try {
            long highest = highest();
            if (highest > stack.fencingToken()) {
                throw ExecutorException.fenced(stack, highest);
            }
            if (stack.fencingToken() > highest) {
                StackWorkspace.createPrivate(file.getParent());
                Path next = file.resolveSibling(FILE + ".next");
                Files.writeString(next, Long.toString(stack.fencingToken()), StandardCharsets.UTF_8);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | NumberFormatException e) {
            throw ExecutorException.transientFailure(null, "cannot read or write the fencing token " + file + ": " + e, e);
        }
    }

    private long highest() throws IOException {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Stack.UNFENCED;
        }
    }
}
