package io.dharma.notifier.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dharma.notifier.NotifierProperties;
import io.dharma.notifier.events.CloudEvents;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.Subscription;
import io.dharma.notifier.store.TargetKind;
import io.dharma.notifier.store.TargetSecret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stand-in for Jira Cloud (outside the product). */
class JiraTargetTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> openIssue = new AtomicReference<>();
    private HttpServer jira;
    private JiraTarget target;
    private Subscription subscription;

    @BeforeEach
    void start() throws Exception {
        jira = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        jira.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " " + body);
            String answer = "{}";
            int status = 200;
            if (path.equals("/rest/api/3/search/jql")) {
                answer = openIssue.get() == null ? "{\"issues\":[]}" : "{\"issues\":[{\"key\":\"" + openIssue.get() + "\"}]}";
            } else if (path.equals("/rest/api/3/issue")) {
                openIssue.set("OPS-1");
                status = 201;
                answer = "{\"key\":\"OPS-1\"}";
            } else if (path.endsWith("/transitions") && exchange.getRequestMethod().equals("GET")) {
                answer = "{\"transitions\":[{\"id\":\"11\",\"to\":{\"statusCategory\":{\"key\":\"indeterminate\"}}},"
                        + "{\"id\":\"31\",\"to\":{\"statusCategory\":{\"key\":\"done\"}}}]}";
            } else if (path.endsWith("/transitions")) {
                openIssue.set(null);
                status = 204;
                answer = "";
            } else if (path.endsWith("/comment")) {
                status = 201;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        jira.start();
        target = new JiraTarget(new TargetCalls(new TargetPolicy(new NotifierProperties.Targets(true, false, List.of(),
                List.of())), Duration.ofSeconds(5)));
        subscription = new Subscription(UUID.randomUUID(), "team-a", new Subscription.Target(TargetKind.JIRA,
                URI.create("http://127.0.0.1:" + jira.getAddress().getPort()), Map.of("project", "OPS")),
                new Subscription.Filter(List.of("failed", "succeeded"), null, null), null, "ana", Instant.now());
    }

    @AfterEach
    void stop() {
        jira.stop(0);
    }

    @Test
    void aFailureOpensAnIssueARepeatCommentsAndASuccessClosesIt() {
        String secret = new TargetSecret("bot@example.com:token", null).encode();

        assertThat(target.send(delivery("io.dharma.deployment.failed", "Deployment of shop failed"), secret).delivered()).isTrue();
        assertThat(requests).anyMatch(request -> request.startsWith("POST /rest/api/3/issue {")
                && request.contains("\"key\":\"OPS\"") && request.contains("dharma-failed-bp-1")
                && request.contains("Deployment of shop failed"));

        assertThat(target.send(delivery("io.dharma.deployment.failed", "Deployment of shop failed again"), secret).delivered())
                .isTrue();
        assertThat(requests).anyMatch(request -> request.startsWith("POST /rest/api/3/issue/OPS-1/comment")
                && request.contains("failed again"));

        assertThat(target.send(delivery("io.dharma.deployment.succeeded", "Deployment of shop succeeded"), secret).delivered())
                .isTrue();
        assertThat(requests).anyMatch(request -> request.startsWith("POST /rest/api/3/issue/OPS-1/transitions")
                && request.contains("\"id\":\"31\""));
        assertThat(openIssue.get()).isNull();
        assertThat(requests.stream().filter(request -> request.startsWith("POST /rest/api/3/issue {"))).hasSize(1);
    }

    private ClaimedDelivery delivery(String type, String summary) {
        UUID id = UUID.randomUUID();
        return new ClaimedDelivery(subscription, id, type, CloudEvents.of(id, "/dharma/orchestrator", type, "bp-1",
                Instant.now(), Map.of("blueprintId", "bp-1", "summary", summary, "reason", "because")), 0);
    }
}
