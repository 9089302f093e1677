package io.dharma.notifier.target;

import io.dharma.kafka.lifecycle.ExponentialBackoff;
import io.dharma.kafka.lifecycle.PollingWorker;
import io.dharma.kafka.processing.CommitSignal;
import io.dharma.notifier.security.SecretCipher;
import io.dharma.notifier.store.ServiceNowChangeStore;
import io.dharma.notifier.store.ServiceNowChangeStore.OpenChange;
import io.dharma.notifier.store.TargetSecret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way back from ServiceNow: reads each open change request (ServiceNow has no push that the
 * platform could rely on, so it is polled) and, once its {@code approval} is {@code approved} or
 * {@code rejected}, relays the decision to the orchestrator's own API
 * ({@code POST /api/v1/deployments/{id}/approve|reject}) with the subscription's approval key: an
 * API key of the tenant with the approver role, sending {@code onBehalfOf: servicenow:<user>} so
 * the orchestrator records the ServiceNow approver (ADR 0028). The notifier depends on no
 * orchestrator code. A 409 (someone decided in Dharma first) closes the change request too.
 */
public class ServiceNowApprovals extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ServiceNowApprovals.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceNowChangeStore changes;
    private final TargetCalls calls;
    private final SecretCipher cipher;
    private final URI orchestratorUrl;
    private final HttpClient orchestrator;
    private final Clock clock;

    public ServiceNowApprovals(ServiceNowChangeStore changes, TargetCalls calls, SecretCipher cipher, String orchestratorUrl,
            Duration pollInterval, Duration timeout, Clock clock) {
        super("notifier-servicenow", 1, new CommitSignal() { }, pollInterval,
                ExponentialBackoff.of(Duration.ofSeconds(1), 2, Duration.ofMinutes(1)), Stopping.INTERRUPT);
        this.changes = changes;
        this.calls = calls;
        this.cipher = cipher;
        this.orchestratorUrl = URI.create(orchestratorUrl.endsWith("/") ? orchestratorUrl : orchestratorUrl + "/");
        this.orchestrator = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clock = clock;
    }

    @Override
    protected boolean poll() throws InterruptedException {
        for (OpenChange change : changes.open(100)) {
            try {
                check(change);
            } catch (RuntimeException | IOException e) {
                log.warn("ServiceNow change {} of deployment {} could not be checked: {}", change.number(),
                        change.deploymentId(), e.toString());
            }
        }
        return false;
    }

    private void check(OpenChange change) throws IOException, InterruptedException {
        TargetSecret secret = TargetSecret.decode(cipher.decrypt(change.subscription().id(),
                change.subscription().secretCiphertext()));
        Optional<JsonNode> request = read(change, secret, "change_request/" + change.sysId() + "?sysparm_fields=approval,number");
        String approval = request.map(json -> json.path("result").path("approval").asString("")).orElse("");
        if (!approval.equals("approved") && !approval.equals("rejected")) {
            return;
        }
        String approver = read(change, secret, "sysapproval_approver?sysparm_limit=1&sysparm_fields=approver.user_name&sysparm_query="
                        + URLEncoder.encode("sysapproval=" + change.sysId() + "^state=" + approval, StandardCharsets.UTF_8))
                .map(json -> json.path("result").path(0).path("approver.user_name").asString(null))
                .filter(name -> name != null && !name.isBlank())
                .orElse("unknown");
        String decision = approval.equals("approved") ? "approve" : "reject";
        String body = JSON.writeValueAsString(Map.of("comment", "ServiceNow " + (change.number() == null ? change.sysId()
                : change.number()) + " " + approval, "onBehalfOf", "servicenow:" + approver));
        HttpResponse<String> answer = orchestrator.send(HttpRequest.newBuilder(
                        orchestratorUrl.resolve("api/v1/deployments/" + change.deploymentId() + "/" + decision))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secret.approvalKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 == 2 || answer.statusCode() == 409) {
            changes.relayed(change.subscription().id(), change.deploymentId(), approval, "servicenow:" + approver, clock.instant());
            log.info("ServiceNow {} {} deployment {} ({}): {}", change.number(), approval, change.deploymentId(),
                    "servicenow:" + approver, answer.statusCode() == 409 ? "already decided in Dharma" : "relayed");
        } else {
            log.warn("the orchestrator answered {} to the ServiceNow decision on deployment {}: {}", answer.statusCode(),
                    change.deploymentId(), answer.body());
        }
    }

    private Optional<JsonNode> read(OpenChange change, TargetSecret secret, String tableAndQuery) {
        TargetCalls.Answer answer = calls.exchange(calls.request(
                        ServiceNowTarget.tableUri(change.subscription().target().url(), tableAndQuery))
                .header("Accept", "application/json")
                .header("Authorization", secret.basicAuthorization())
                .GET().build());
        if (!answer.result().delivered()) {
            log.info("ServiceNow change {}: {}", change.number(), answer.result().error());
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(answer.body()));
    }
}
