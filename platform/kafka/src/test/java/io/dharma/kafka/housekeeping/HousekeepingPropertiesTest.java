package io.dharma.kafka.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HousekeepingPropertiesTest {

    @Test
    void aScheduleThatCannotRunStopsStartUpNamingTheProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HousekeepingProperties(true, Duration.ZERO, Duration.ZERO, 1000, Map.of()))
                .withMessage("dharma.housekeeping.interval must be positive but was PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HousekeepingProperties(true, Duration.ofMinutes(10), Duration.ofSeconds(-1), 1000, Map.of()))
                .withMessage("dharma.housekeeping.initial-delay must not be negative but was PT-1S");
    }

    @Test
    void aStartRightAwayIsAllowed() {
        assertThat(new HousekeepingProperties(true, Duration.ofMinutes(10), Duration.ZERO, 1000, null).retention()).isEmpty();
    }
}
