package io.dharma.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of an application's {@code /actuator/prometheus}, as Prometheus takes it, with a
 * platform-admin token of the {@link TestIssuer} (the only role that may read it). Tests find
 * samples by name and by the labels they care about, so a label added later does not break them,
 * and a metric renamed or no longer registered does.
 */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String body;
    private final List<Sample> samples;

    private PrometheusScrape(String body) {
        this.body = body;
        this.samples = parse(body);
    }

    /** A sample line: its metric name (with a suffix such as {@code _total} or {@code _bucket}), labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes {@code baseUrl + "/actuator/prometheus"} (the management port is the server port unless set). */
    public static PrometheusScrape of(String baseUrl) {
        String token = TestIssuer.get().token("default", "metrics-scraper@example.com", Set.of("platform-admin"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /actuator/prometheus answered " + response.statusCode() + ": "
                        + response.body());
            }
            return new PrometheusScrape(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static PrometheusScrape of(int port) {
        return of("http://localhost:" + port);
    }

    /** The exposition text as served. */
    public String body() {
        return body;
    }

    /** Every sample named {@code name} whose labels include all of {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The sum of the samples {@link #samples(String, Map)} finds; 0 when none. */
    public double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Whether a sample of that name with those labels is served at all. */
    public boolean has(String name, Map<String, String> labels) {
        return !samples(name, labels).isEmpty();
    }

    private static List<Sample> parse(String body) {
        List<Sample> parsed = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                Matcher matcher = LABEL.matcher(line.substring(brace + 1, line.lastIndexOf('}')));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
            parsed.add(new Sample(name, Map.copyOf(labels), value(line.substring(space + 1).strip())));
        }
        return parsed;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
