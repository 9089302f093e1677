package io.dharma.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    final StoreRecordCodec codec = new StoreRecordCodec();

    @Test
    void keysUseConfluentsLayout() {
        assertThat(text(codec.encodeKey(new StoreKey.SchemaKey("orders-value", 3))))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}");
        assertThat(text(codec.encodeKey(new StoreKey.ConfigKey(null))))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void valuesRoundTrip() {
        StoreKey key = new StoreKey.SchemaKey("s", 2);
        SchemaVersion value = new SchemaVersion("s", 2, 7, "\"string\"", true);

        byte[] encoded = codec.encodeValue(key, value);

        assertThat(text(encoded))
                .isEqualTo("{\"subject\":\"s\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":true}");
        assertThat(codec.decodeKey(codec.encodeKey(key))).contains(key);
        assertThat(codec.decodeValue(key, encoded)).contains(value);
        StoreKey config = new StoreKey.ConfigKey("s");
        assertThat(codec.decodeValue(config, codec.encodeValue(config, CompatibilityLevel.FULL)))
                .contains(CompatibilityLevel.FULL);
    }

    @Test
    void recordsThisRegistryDoesNotServeAreSkipped() {
        assertThat(codec.decodeKey(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"))).isEmpty();
        assertThat(codec.decodeValue(new StoreKey.SchemaKey("s", 1),
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}")))
                .isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
