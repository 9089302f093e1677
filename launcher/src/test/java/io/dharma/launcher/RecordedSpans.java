package io.dharma.launcher;

import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The platform's finished spans, kept in memory ({@link InMemorySpanExporter}) only while a test
 * records: the shared platform runs every end-to-end test of the JVM, whose spans no test reads.
 */
final class RecordedSpans implements SpanExporter {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private volatile boolean recording;

    /** Forgets what was recorded and records from now on. */
    void start() {
        spans.reset();
        recording = true;
    }

    /** Stops recording and forgets. */
    void stop() {
        recording = false;
        spans.reset();
    }

    /** The spans finished and exported since {@link #start()}. */
    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        return recording ? spans.export(batch) : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return spans.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
