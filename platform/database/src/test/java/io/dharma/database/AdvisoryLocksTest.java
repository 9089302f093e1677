package io.dharma.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AdvisoryLocksTest {

    @Test
    void wholeLocksHaveDistinctKeys() {
        assertThat(Arrays.stream(AdvisoryLocks.values()).filter(lock -> lock.form() == AdvisoryLocks.Form.WHOLE)
                .map(AdvisoryLocks::key)).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void perNameLocksHaveDistinctSpaces() {
        assertThat(Arrays.stream(AdvisoryLocks.values()).filter(lock -> lock.form() == AdvisoryLocks.Form.PER_NAME)
                .map(AdvisoryLocks::space)).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aLockIsUsedOnlyInItsOwnForm() {
        assertThatThrownBy(AdvisoryLocks.STACK::key).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(AdvisoryLocks.OUTBOX_RELAY::space).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStackSpaceKeepsTheKeyOfEarlierReleases() {
        // A rolling upgrade runs old and new workers side by side: they must lock the same stacks.
        assertThat(AdvisoryLocks.STACK.space()).isEqualTo(0x44484f52);
        assertThat(AdvisoryLocks.OUTBOX_RELAY.key()).isEqualTo(0x6468_6f75_7462_6f78L);
        assertThat(AdvisoryLocks.DRIFT_ROUND.key()).isEqualTo(0x6468_6172_6d61_6f62L);
    }
}
