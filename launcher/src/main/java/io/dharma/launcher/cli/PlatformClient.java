package io.dharma.launcher.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform API over {@link HttpClient}. An error answer (RFC 9457 problem) becomes a
 * {@link CliException} with its status, code and detail; an API that does not answer becomes
 * one that says where the command looked.
 */
public final class PlatformClient {

    static final java.time.Duration UNAVAILABLE_PATIENCE = java.time.Duration.ofSeconds(60);

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** {@code bearer}: the token or API key to send, null for none. */
    public PlatformClient(String baseUrl, String bearer) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.bearer = bearer;
    }

    JsonNode get(String path) {
        return JSON.readTree(send(request(path).timeout(REQUEST_TIMEOUT).GET()).body());
    }

    /** A GET whose answer is not JSON (a zip, a Terraform file): its bytes. */
    byte[] bytes(String path) {
        HttpResponse<byte[]> response = exchange(request(path).timeout(REQUEST_TIMEOUT).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw problem(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    void delete(String path) {
        send(request(path).timeout(REQUEST_TIMEOUT).DELETE());
    }

    JsonNode post(String path, String contentType, String body) {
        HttpResponse<String> response = send(request(path).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** POSTs a JSON body, the form of every user command that changes something. */
    JsonNode postJson(String path, JsonNode body) {
        return post(path, "application/json", body.toString());
    }

    /** A response a command reads whatever its status: {@code body} is JSON (a problem for a 4xx). */
    record Answer(int status, JsonNode body) {
    }

    /**
     * As {@link #post}, but a 4xx problem about the document (400, 413, 415, 422) is returned for the
     * command to print rather than thrown, so it can list every problem.
     */
    Answer postForAnswer(String path, String contentType, String body) {
        HttpResponse<String> response = exchange(request(path).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 != 2 && !java.util.Set.of(400, 413, 415, 422).contains(status)) {
            throw problem(status, response.body());
        }
        try {
            return new Answer(status, JSON.readTree(response.body()));
        } catch (JacksonException e) {
            throw problem(status, response.body());
        }
    }

    /** A streaming GET (server-sent events): the body's lines as they arrive, no overall timeout. */
    Stream<String> stream(String path, String lastEventId) {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() / 100 != 2) {
            String body = String.join("\n", response.body().toList());
            throw problem(response.statusCode(), body);
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw problem(response.statusCode(), response.body());
        }
        return response;
    }

    /**
     * Sends the request; a GET answered 503 with Retry-After (the state restoring or rebalancing)
     * is retried as told, for up to {@link #UNAVAILABLE_PATIENCE}.
     */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        HttpRequest built = request.build();
        try {
            long giveUpAt = System.nanoTime() + UNAVAILABLE_PATIENCE.toNanos();
            HttpResponse<T> response = http.send(built, handler);
            while (response.statusCode() == 503 && "GET".equals(built.method()) && System.nanoTime() < giveUpAt) {
                long seconds = response.headers().firstValue("Retry-After").map(PlatformClient::seconds).orElse(-1L);
                if (seconds < 0) {
                    break;
                }
                if (response.body() instanceof java.util.stream.Stream<?> unread) {
                    unread.close();
                }
                Thread.sleep(Math.max(200, Math.min(seconds, 10) * 1000));
                response = http.send(built, handler);
            }
            return response;
        } catch (ConnectException | HttpTimeoutException e) {
            throw new CliException("Cannot reach the Dharma API at " + baseUrl
                    + " (is `./dharma up` running? --api-url / DHARMA_API_URL)");
        } catch (IOException e) {
            throw new CliException("Request to " + built.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted");
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "HTTP 404 deployment.not-found: No deployment ..." from a problem body, or the raw body. */
    static CliException problem(int status, String body) {
        if (status == 401) {
            return new CliException("not logged in or the credential was refused (HTTP 401): run `dharma login`, "
                    + "or pass --token / DHARMA_TOKEN (an API key or token)");
        }
        try {
            JsonNode problem = JSON.readTree(body);
            String code = problem.path("code").asString("");
            String detail = problem.path("detail").asString(problem.path("title").asString(""));
            if (!code.isEmpty() || !detail.isEmpty()) {
                return new CliException("HTTP %d %s: %s".formatted(status, code, detail).replace("  ", " "));
            }
        } catch (JacksonException e) {
            // not JSON: shown as it is
        }
        return new CliException("HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
    }
}
