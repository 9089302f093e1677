package io.dharma.operations;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * One record as a replay or tail shows it.
 *
 * @param valueJson the value in Avro JSON ({@link AvroJson}), "null" for a tombstone, null when undecodable
 * @param error     why the value could not be decoded; null when it was
 */
public record ReplayedRecord(String topic, int partition, long offset, Instant timestamp, String key,
                             List<Header> headers, String valueJson, String error) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A header value is shown as text when it is UTF-8, else base64 (Spring's DLT headers hold binary ints). */
    public record Header(String key, String value, String valueBase64) {

        static Header of(org.apache.kafka.common.header.Header header) {
            byte[] bytes = header.value();
            if (bytes == null) {
                return new Header(header.key(), null, null);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                if (text.chars().noneMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
                    return new Header(header.key(), text, null);
                }
            } catch (CharacterCodingException e) {
                // binary: base64 below
            }
            return new Header(header.key(), null, Base64.getEncoder().encodeToString(bytes));
        }
    }

    static ReplayedRecord of(ConsumerRecord<String, byte[]> record, RecordDecoder.Decoded decoded) {
        List<Header> headers = StreamSupport.stream(record.headers().spliterator(), false).map(Header::of).toList();
        String valueJson = !decoded.ok() ? null : decoded.value() == null ? "null" : AvroJson.of(decoded.value());
        return new ReplayedRecord(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), headers, valueJson, decoded.error());
    }

    public boolean decoded() {
        return error == null;
    }

    /** The record as one JSON object: topic, partition, offset, timestamp, key, headers, value (or error). */
    public ObjectNode toJson() {
        return toJson(false);
    }

    /**
     * {@link #toJson()} on one line, for JSON Lines output. The value's Avro JSON goes in as it is
     * (it is valid JSON), not parsed into a tree and written again: a replay writes many records.
     */
    public String toJsonLine() {
        return JSON.writeValueAsString(toJson(true));
    }

    private ObjectNode toJson(boolean rawValue) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", topic);
        node.put("partition", partition);
        node.put("offset", offset);
        node.put("timestamp", timestamp.toString());
        node.put("key", key);
        var headerArray = node.putArray("headers");
        for (Header header : headers) {
            ObjectNode h = headerArray.addObject().put("key", header.key());
            if (header.valueBase64() != null) {
                h.put("valueBase64", header.valueBase64());
            } else {
                h.put("value", header.value());
            }
        }
        if (!decoded()) {
            node.putNull("value");
            node.put("error", error);
        } else if (rawValue) {
            node.putRawValue("value", new RawValue(valueJson));
        } else {
            node.set("value", JSON.readTree(valueJson));
        }
        return node;
    }
}
