package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.dharma.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A seeded fuzz of every operation of {@code contracts/openapi.yaml} against the running platform:
 * random path ids, query parameters (declared and not), headers (Content-Type, Accept,
 * Idempotency-Key, Authorization) and bodies (random JSON, truncated JSON, bytes that are not
 * UTF-8, YAML, nothing). Whatever arrives, the answer comes in time and is never a 5xx. The seed is
 * fixed, so a failure repeats; the failure message names the request.
 */
class FuzzEndToEndTest {

    private static final long SEED = 20261206L;
    private static final int REQUESTS = 5_000;
    private static final int CONCURRENCY = 8;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/yaml",
            "application/problem+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=utf-16", "application/json; charset=bogus", "application/*", "*/*", ";", "a/b/c",
            "application/json;;;", "APPLICATION/JSON", "application/merge-patch+json");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json",
            "text/event-stream", "*/*", "application/xml", "text/html", "image/png", "application/json;q=bogus", "x");
    private static final List<String> AWKWARD_VALUES = List.of("", "-1", "0", "9223372036854775808", "1e309", "NaN",
            "true", "null", "%00", "%25", "%ZZ", "..%2F..", "a%20b", "%F0%9F%92%A9", "%C0%AF", "'", "%22", "%3B");

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final String bearer = "Bearer " + TestIssuer.get().token("e2e-fuzz", "fuzz-user");

    private record Operation(String method, String template, List<String> queryParameters) {
    }

    @Test
    void everyOperationAnswersASeededFuzzWithoutA5xx() throws Exception {
        List<Operation> operations = operations();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(CONCURRENCY);
        int sent = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; sent < REQUESTS && i < 2 * REQUESTS; i++) {
                Operation operation = operations.get(i % operations.size());
                HttpRequest request;
                try {
                    request = request(operation, random);
                } catch (IllegalArgumentException refusedByTheClient) {
                    continue; // a URI or header the HTTP client itself will not send
                }
                sent++;
                slots.acquire();
                pool.submit(() -> {
                    try {
                        send(request, failures, statuses);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        assertThat(sent).as("requests sent (statuses %s)", new TreeMap<>(statuses)).isEqualTo(REQUESTS);
        assertThat(failures).as("of %d requests with seed %d", sent, SEED).isEmpty();
    }

    private static List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = OpenApiDocument.load().root().path("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!OpenApiDocument.METHODS.contains(operation.getKey())) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asString(""))) {
                        query.add(parameter.path("name").asString());
                    }
                }
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), query));
            }
        }
        return operations;
    }

    private HttpRequest request(Operation operation, Random random) {
        String path = operation.template().replaceAll("\\{[^}]+}", pathValue(random)) + query(operation, random);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path)).timeout(ANSWER_WITHIN);
        authorization(random).ifPresent(value -> builder.header("Authorization", value));
        builder.header("Accept", pick(random, ACCEPTS));
        if (random.nextInt(4) == 0) {
            builder.header("Idempotency-Key", random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : headerText(random, 1 + random.nextInt(300)));
        }
        boolean hasBody = List.of("POST", "PUT", "PATCH").contains(operation.method());
        if (hasBody || random.nextInt(8) == 0) {
            builder.header("Content-Type", random.nextInt(5) == 0 ? headerText(random, 1 + random.nextInt(300))
                    : pick(random, CONTENT_TYPES));
        }
        HttpRequest.BodyPublisher body = hasBody ? HttpRequest.BodyPublishers.ofByteArray(body(random))
                : HttpRequest.BodyPublishers.noBody();
        return builder.method(operation.method(), body).build();
    }

    private void send(HttpRequest request, List<String> failures, Map<Integer, Integer> statuses) {
        String what = request.method() + " " + abbreviate(request.uri().getRawPath() + "?" + request.uri().getRawQuery())
                + " " + abbreviate(request.headers().map().entrySet().stream().filter(h -> !h.getKey().equals("Authorization"))
                        .toList().toString());
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                synchronized (failures) {
                    failures.add(what + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
                }
            }
        } catch (HttpTimeoutException e) {
            synchronized (failures) {
                failures.add(what + " did not answer within " + ANSWER_WITHIN);
            }
        } catch (Exception e) {
            synchronized (failures) {
                failures.add(what + " failed: " + e);
            }
        }
    }

    private static String pathValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 1 -> alphanumeric(random, 1 + random.nextInt(40));
            case 2 -> percentEncodedBytes(random, 1 + random.nextInt(30));
            case 3 -> alphanumeric(random, 500 + random.nextInt(2500));
            case 4 -> "bp-" + random.nextInt(1000);
            default -> pick(random, AWKWARD_VALUES);
        };
    }

    private static String query(Operation operation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (String name : operation.queryParameters()) {
            if (random.nextBoolean()) {
                pairs.add(name + "=" + queryValue(random));
            }
        }
        if (random.nextInt(4) == 0) {
            pairs.add(alphanumeric(random, 1 + random.nextInt(10)) + "=" + queryValue(random));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String queryValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> URLEncoder.encode(text(random, random.nextInt(60)), StandardCharsets.UTF_8);
            case 2 -> percentEncodedBytes(random, 1 + random.nextInt(20));
            default -> pick(random, AWKWARD_VALUES);
        };
    }

    /** Mostly the valid token, so requests reach the operations; sometimes none or a broken one. */
    private Optional<String> authorization(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("Bearer " + alphanumeric(random, 1 + random.nextInt(100)));
            case 2 -> Optional.of("Basic " + alphanumeric(random, 12));
            case 3 -> Optional.of("Bearer a.b.c");
            default -> Optional.of(bearer);
        };
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random, 1 + random.nextInt(2000));
            case 2 -> {
                String json = json(random, 0);
                yield json.substring(0, random.nextInt(json.length() + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> ("metadata:\n  name: " + alphanumeric(random, 8) + "\nspec:\n  cloud: " + pick(random, AWKWARD_VALUES)
                    + "\n  resources: &a [*a]\n").getBytes(StandardCharsets.UTF_8);
            default -> json(random, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A random JSON value: objects and arrays to a depth of 6, odd numbers, strings with control characters. */
    private static String json(Random random, int depth) {
        int kind = depth >= 6 ? 3 + random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0, 1 -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    members.add(quoted(random.nextBoolean() ? pick(random, List.of("name", "role", "roles", "comment",
                            "tenant", "reason", "expiresAt", "document", "policy", "expression", "enforcement", "faults"))
                            : text(random, random.nextInt(12))) + ":" + json(random, depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
            case 2 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    items.add(json(random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case 3 -> pick(random, List.of("0", "-0", "1e400", "-1e-400", "123456789012345678901234567890", "3.14", "-1"));
            case 4 -> pick(random, List.of("true", "false", "null"));
            default -> quoted(text(random, random.nextInt(80)));
        };
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Printable ASCII and a few control characters and non-ASCII letters (no CR or LF: headers stay one line). */
    private static String text(Random random, int length) {
        String alphabet = "abcXYZ019 -_.:/;=,\"'\\{}[]<>%$&*\t\u0001\u00e9\u4e2d";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Printable ASCII: what an HTTP client sends as a header value. */
    private static String headerText(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
        }
        return out.toString();
    }

    private static String alphanumeric(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String percentEncodedBytes(Random random, int length) {
        byte[] bytes = randomBytes(random, length);
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
