package io.dharma.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;

/**
 * What an OpenTelemetry collector would receive from the service processes: an OTLP/HTTP endpoint
 * ({@code POST /v1/traces}, protobuf) in the test JVM that keeps every span with the
 * {@code service.name} of the process that sent it. The wire format is decoded with the
 * OpenTelemetry project's own generated classes; only the HTTP side is written here, because no
 * collector binary is on this machine.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    record ReceivedSpan(String traceId, String service, String name, Map<String, String> attributes) {
    }

    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    OtlpTraceReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(handlers);
        server.start();
    }

    /** The URL a service exports its spans to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The traces with at least one span that {@code matches}. */
    Set<String> traceIds(Predicate<ReceivedSpan> matches) {
        return spans.stream().filter(matches).map(ReceivedSpan::traceId).collect(Collectors.toSet());
    }

    /** The services (processes) that sent spans of {@code traceId}. */
    Set<String> servicesIn(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).map(ReceivedSpan::service)
                .collect(Collectors.toSet());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = body(exchange)) {
            for (ResourceSpans fromProcess : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = attributes(fromProcess.getResource().getAttributesList()).get("service.name");
                fromProcess.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> spans.add(
                        new ReceivedSpan(HexFormat.of().formatHex(span.getTraceId().toByteArray()), service,
                                span.getName(), attributes(span.getAttributesList())))));
            }
            // An empty ExportTraceServiceResponse: full success.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        return gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, a -> text(a.getValue()), (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.close();
    }
}
