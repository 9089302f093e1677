package io.dharma.launcher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link RecordedSpans} to every platform the tests start (an auto-configuration on the test
 * classpath only): Spring Boot's OpenTelemetry SDK exports to every {@code SpanExporter} bean.
 */
@AutoConfiguration
public class SpanRecordingConfiguration {

    @Bean
    RecordedSpans recordedSpans() {
        return new RecordedSpans();
    }
}
