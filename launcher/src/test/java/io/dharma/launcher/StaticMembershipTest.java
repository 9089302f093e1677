package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    @Test
    void theSameHomeAlwaysGetsTheSameIdsAndAnotherHomeOthers() {
        var first = StaticMembership.properties(Path.of("/data/dharma"));
        var again = StaticMembership.properties(Path.of("/data/./dharma"));
        var other = StaticMembership.properties(Path.of("/data/dharma-2"));

        assertThat(again).isEqualTo(first);
        assertThat(first.get("dharma.kafka.processing.group-instance-id").toString()).matches("dharma-up-[0-9a-f]{12}");
        assertThat(first.get("dharma.streams.group-instance-id"))
                .isEqualTo(first.get("dharma.kafka.processing.group-instance-id") + "-streams");
        assertThat(other.get("dharma.kafka.processing.group-instance-id"))
                .isNotEqualTo(first.get("dharma.kafka.processing.group-instance-id"));
    }
}
