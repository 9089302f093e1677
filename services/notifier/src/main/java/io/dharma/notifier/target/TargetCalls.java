package io.dharma.notifier.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one way targets make HTTP calls: the address policy checked again before each call, the
 * configured timeout on connecting and on the answer, no redirects (a redirect could lead past
 * the policy). Errors come back as a {@link SendResult}, never with the URL's path or query
 * (Slack's webhook URL is itself a secret).
 */
public final class TargetCalls {

    private final TargetPolicy policy;
    private final Duration timeout;
    private final HttpClient http;

    public TargetCalls(TargetPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The request for {@code url} with the timeout set; callers add method, headers and body. */
    public HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout);
    }

    public SendResult send(HttpRequest request) {
        Optional<String> refused = policy.refusal(request.uri());
        if (refused.isPresent()) {
            return SendResult.failed("refused by the target policy: " + refused.get());
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return SendResult.of(response.statusCode(), response.statusCode() >= 300 ? response.body() : null);
        } catch (HttpTimeoutException e) {
            return SendResult.failed("no answer within " + timeout);
        } catch (IOException e) {
            return SendResult.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed("interrupted");
        }
    }

    /** As {@link #send}, returning the answer's body on success (for targets that read what they created). */
    public Answer exchange(HttpRequest request) {
        Optional<String> refused = policy.refusal(request.uri());
        if (refused.isPresent()) {
            return new Answer(SendResult.failed("refused by the target policy: " + refused.get()), null);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(SendResult.of(response.statusCode(), response.statusCode() >= 300 ? response.body() : null),
                    response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(SendResult.failed("no answer within " + timeout), null);
        } catch (IOException e) {
            return new Answer(SendResult.failed(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(SendResult.failed("interrupted"), null);
        }
    }

    /** A call's result and, when it was answered, the body. */
    public record Answer(SendResult result, String body) {
    }
}
