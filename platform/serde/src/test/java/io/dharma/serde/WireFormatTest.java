package io.dharma.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicZeroThenTheIdBigEndian() {
        assertThat(WireFormat.header(258)).containsExactly(0, 0, 0, 1, 2);
        assertThat(WireFormat.header(0x7F_00_00_01)).containsExactly(0, 0x7F, 0, 0, 1);
    }

    @Test
    void schemaIdIsReadBackFromTheHeader() {
        byte[] payload = {0, 0, 1, 0, 5, 42, 42};

        assertThat(WireFormat.schemaId(payload)).isEqualTo(65541);
    }

    @Test
    void otherDataIsRejectedClearly() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte 1");
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(Subjects.subject("dharma.blueprints.v1", false)).isEqualTo("dharma.blueprints.v1-value");
        assertThat(Subjects.subject("dharma.blueprints.v1", true)).isEqualTo("dharma.blueprints.v1-key");
    }
}
