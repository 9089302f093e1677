package io.dharma.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's highest fencing token, kept in a file beside its working directory. */
class StackFenceTest {

    private static final Stack STACK = new Stack("t-1", "bp-fence", "fenced", "aws", "us-east-1");

    @TempDir
    Path stacksDir;

    @Test
    void aTokenLowerThanTheHighestSeenIsRefusedAsFencedNotTransient() throws Exception {
        new StackFence(stacksDir, STACK).admit(STACK.fencedBy(3));

        ExecutorException refused = catchThrowableOfType(ExecutorException.class,
                () -> new StackFence(stacksDir, STACK).admit(STACK.fencedBy(2)));

        assertThat(refused.isFenced()).isTrue();
        assertThat(refused.isTransient()).isFalse();
        assertThat(Files.readString(stacksDir.resolve("bp-fence").resolve(StackFence.FILE))).isEqualTo("3");
    }

    @Test
    void theSameOrAHigherTokenIsAdmittedAndAHigherOneRemembered() throws Exception {
        StackFence fence = new StackFence(stacksDir, STACK);
        fence.admit(STACK.fencedBy(1));
        fence.admit(STACK.fencedBy(1));
        fence.admit(STACK.fencedBy(4));

        assertThat(catchThrowableOfType(ExecutorException.class, () -> fence.admit(STACK.fencedBy(3))).isFenced()).isTrue();
        assertThat(Files.readString(stacksDir.resolve("bp-fence").resolve(StackFence.FILE))).isEqualTo("4");
    }

    @Test
    void aCallUnderNoClaimIsNeitherCheckedNorRemembered() throws Exception {
        new StackFence(stacksDir, STACK).admit(STACK);

        assertThat(stacksDir.resolve("bp-fence").resolve(StackFence.FILE)).doesNotExist();
    }
}
