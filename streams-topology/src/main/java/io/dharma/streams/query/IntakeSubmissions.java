package io.dharma.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.dharma.streams.runtime.StateUnavailableException;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the intake for the receipt of a submission the state has not folded yet
 * ({@code GET <intake-url>/api/v1/submissions/{trackingId}}), on behalf of the caller: its bearer
 * credential goes along, so the intake authenticates it and answers only the caller's tenant's
 * submissions. The same mechanism whether the intake is this JVM (the launcher points the URL at
 * itself) or another process (ADR 0025). An intake that cannot answer makes the tracking read 503,
 * never 404: the submission may well exist.
 */
public final class IntakeSubmissions implements AcceptedSubmission.Lookup {

    private final URI intakeUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    public IntakeSubmissions(URI intakeUrl, Duration timeout, JsonMapper json) {
        this.intakeUrl = intakeUrl;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Optional<AcceptedSubmission> find(String trackingId, String tenant, String authorization) {
        UUID id;
        try {
            id = UUID.fromString(trackingId);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // intake issues UUIDs only
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(intakeUrl.resolve("/api/v1/submissions/" + id))
                .timeout(timeout).header(HttpHeaders.ACCEPT, "application/json").GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StateUnavailableException("the intake at " + intakeUrl + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateUnavailableException("interrupted while asking the intake", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new StateUnavailableException("the intake answered " + response.statusCode() + " for submission " + id);
        }
        JsonNode receipt = json.readTree(response.body());
        return Optional.of(new AcceptedSubmission(receipt.path("trackingId").asString(), tenant,
                receipt.path("blueprintId").asString(), receipt.path("version").asInt(),
                OffsetDateTime.parse(receipt.path("submittedAt").asString()).toInstant()));
    }
}
