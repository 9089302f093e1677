package io.dharma.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.dharma.testing.TestIssuer;

/**
 * One platform, as `./dharma up` runs it, on free ports and a temporary home, for every test
 * class in this JVM: the end-to-end tests isolate themselves by tenant and blueprint, never by
 * restarting the stack.
 */
public final class SharedPlatform {

    private static RunningPlatform platform;

    private SharedPlatform() {
    }

    public static synchronized RunningPlatform get() {
        if (platform == null) {
            // Observe deployed stacks often, so drift shows up within a test's patience.
            System.setProperty("dharma.orchestrator.drift.interval", StreamsEndToEndTest.OBSERVER_INTERVAL.toMillis() + "ms");
            try {
                // Tests act as users of many tenants: the platform also trusts a stand-in IdP (outside the product).
                // Two tenants get small limits of their own, so a test can reach them without slowing any other.
                Map<String, Object> properties = new HashMap<>(
                        Map.of("dharma.security.issuers[1].issuer-uri", TestIssuer.get().issuerUri(),
                                "dharma.web.rate-limit.tenants." + RateLimitsAndQuotasEndToEndTest.RATE_LIMITED_TENANT
                                        + ".per-credential", RateLimitsAndQuotasEndToEndTest.CREDENTIAL_LIMIT,
                                "dharma.quotas.tenants." + RateLimitsAndQuotasEndToEndTest.QUOTA_TENANT + ".blueprints",
                                RateLimitsAndQuotasEndToEndTest.BLUEPRINT_QUOTA,
                                "dharma.quotas.tenants." + RateLimitsAndQuotasEndToEndTest.NO_ROOM_TENANT + ".policies", 0,
                                "dharma.quotas.tenants." + RateLimitsAndQuotasEndToEndTest.NO_ROOM_TENANT + ".api-keys", 0,
                                "dharma.quotas.tenants." + RateLimitsAndQuotasEndToEndTest.NO_ROOM_TENANT + ".sse-streams", 0,
                                // Notifications retry quickly and give up soon, so a dead endpoint's dead letter comes within a test.
                                "dharma.notifier.delivery.initial-interval", "200ms",
                                "dharma.notifier.delivery.max-attempts", NotificationsEndToEndTest.MAX_ATTEMPTS,
                                "dharma.notifier.delivery.timeout", "2s",
                                "dharma.notifier.servicenow.poll-interval", "500ms"));
                // A test endpoint that failed opens its circuit: a call goes through again after 2 s, not 30 s.
                properties.put("dharma.notifier.delivery.circuit-breaker.open-for", "2s");
                platform = PlatformLauncher.start(EmbeddedSettings.ephemeral(Files.createTempDirectory("dharma-e2e")), properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shared-platform-shutdown"));
        }
        return platform;
    }
}
