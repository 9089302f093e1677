package io.dharma.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.dharma.streams.runtime.StateUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Asks another instance of the streams application. A request for a key that instance hosts is
 * passed on as it came (same path, query, and the caller's {@code Authorization} header, so the
 * owning instance authenticates the same credential and filters by the same tenant) and its answer
 * returned as is. The {@code X-Dharma-*} headers it adds are routing hints, never identity. A
 * request marked as forwarded is never forwarded again, so instances that disagree during a
 * rebalance give a 503 rather than bounce a request between them.
 */
public final class InstanceForwarding {

    /** Marks a request one instance sent to another. */
    public static final String FORWARDED_HEADER = "X-Dharma-Forwarded";
    /** Asks an instance to answer a scan from its own partitions only (see {@link LocalScanResponse}). */
    public static final String SCOPE_HEADER = "X-Dharma-State-Scope";
    public static final String LOCAL_SCOPE = "local";

    private final HttpClient http;
    private final Duration timeout;

    public InstanceForwarding(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    public static boolean wasForwarded(HttpServletRequest request) {
        return request.getHeader(FORWARDED_HEADER) != null;
    }

    public static boolean asksLocalScope(HttpServletRequest request) {
        return LOCAL_SCOPE.equals(request.getHeader(SCOPE_HEADER));
    }

    /** Passes the request to {@code host} and returns its answer: status, content type, Retry-After, body. */
    public ResponseEntity<byte[]> forward(HostInfo host, HttpServletRequest request) {
        if (wasForwarded(request)) {
            throw new StateUnavailableException("instances disagree on who hosts this key (rebalancing)");
        }
        HttpResponse<byte[]> response = send(host, request, pathAndQuery(request), request.getHeader(HttpHeaders.ACCEPT), false);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
        response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(value -> answer.header(HttpHeaders.CONTENT_TYPE, value));
        response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(value -> answer.header(HttpHeaders.RETRY_AFTER, value));
        for (String header : List.of(HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION)) {
            response.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
        }
        return answer.body(response.body());
    }

    /** Asks {@code host} for its own part of a scan; any answer but 200 makes the whole scan unavailable. */
    public byte[] localScan(HostInfo host, HttpServletRequest request) {
        HttpResponse<byte[]> response = send(host, request, pathAndQuery(request), "application/json", true);
        if (response.statusCode() != 200) {
            throw new StateUnavailableException("instance " + host + " answered its part of the scan with "
                    + response.statusCode());
        }
        return response.body();
    }

    /** GETs the JSON at {@code path} of {@code host} on behalf of the caller of {@code request}. */
    public HttpResponse<byte[]> get(HostInfo host, String path, HttpServletRequest request) {
        return send(host, request, path, "application/json", false);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private HttpResponse<byte[]> send(HostInfo host, HttpServletRequest request, String pathAndQuery, String accept,
            boolean localScope) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header(FORWARDED_HEADER, "true");
        if (localScope) {
            builder.header(SCOPE_HEADER, LOCAL_SCOPE);
        }
        if (accept != null) {
            builder.header(HttpHeaders.ACCEPT, accept);
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !localScope) {
            builder.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (credential != null) {
            builder.header(HttpHeaders.AUTHORIZATION, credential);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StateUnavailableException("instance " + host + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateUnavailableException("interrupted while asking " + host, e);
        }
    }
}
