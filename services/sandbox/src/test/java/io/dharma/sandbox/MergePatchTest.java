package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** RFC 7396's own examples (appendix A). */
class MergePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}               | {\"a\":\"c\"}             | {\"a\":\"c\"}",
        "{\"a\":\"b\"}               | {\"b\":\"c\"}             | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}               | {\"a\":null}              | {}",
        "{\"a\":\"b\",\"b\":\"c\"}   | {\"a\":null}              | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}             | {\"a\":\"c\"}             | {\"a\":\"c\"}",
        "{\"a\":\"c\"}               | {\"a\":[\"b\"]}           | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}       | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}     | {\"a\":[1]}               | {\"a\":[1]}",
        "{\"e\":null}                | {\"a\":1}                 | {\"e\":null,\"a\":1}",
        "{}                          | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"
    })
    void mergesAsTheRfcSays(String target, String patch, String expected) {
        assertThat(OutOfBandChanges.merge(JSON.readTree(target), JSON.readTree(patch))).isEqualTo(JSON.readTree(expected));
    }
}
