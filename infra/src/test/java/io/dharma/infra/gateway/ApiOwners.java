package io.dharma.infra.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Who serves each path of {@code contracts/openapi.yaml} outside the launcher, from the path's tag
 * (the tags' descriptions name the module): the component (image and Helm workload) whose process
 * answers it. A tag this class does not know fails, so a new group of paths needs a decision here
 * and a route in the gateway.
 */
public final class ApiOwners {

    /** The module behind each tag, as its description in openapi.yaml says. */
    private static final Map<String, String> TAG_OWNERS = Map.of(
            "blueprints", "intake",
            "state", "streams",
            "deployments", "orchestrator",
            "policies", "guardrails",
            "iac", "generator",
            "costs", "costing",
            "sandbox", "sandbox",
            "notifications", "notifier");

    /**
     * platform/operations (the audit timeline, the outbox's set-aside events) runs in the launcher
     * only: no service image carries it, so no gateway route exists for these tags.
     */
    public static final Set<String> LAUNCHER_ONLY_TAGS = Set.of("audit", "operations");

    /** Pages and files of the web console (ConsoleRoutes), served by the streams application outside the launcher. */
    public static final List<String> CONSOLE_PATHS = List.of("/", "/callback", "/blueprints", "/blueprints/bp-1", "/submit",
            "/tracking/t-1", "/deployments/d-1", "/approvals", "/policies", "/costs", "/drift", "/favicon.svg",
            "/assets/index-3f2a1b.js");

    /** The embedded issuer's endpoints and pages, which the console reaches at its own origin. */
    public static final List<String> ISSUER_PATHS = List.of("/.well-known/openid-configuration", "/oauth2/authorize",
            "/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/oauth2/device_authorization", "/login", "/logout",
            "/activate", "/activated", "/userinfo", "/default-ui.css");

    public static final String CONSOLE_OWNER = "streams";
    public static final String ISSUER_OWNER = "identity";

    /** An operation's path, a concrete example of it, and the component that serves it (empty: the launcher only). */
    public record ApiPath(String path, String example, Set<String> tags, Optional<String> owner) {
    }

    private ApiOwners() {
    }

    public static Path openApi() {
        Path contract = Path.of("..", "contracts", "openapi.yaml");
        if (!Files.isRegularFile(contract)) {
            throw new IllegalStateException("no " + contract.toAbsolutePath() + ": run the test from the infra module");
        }
        return contract;
    }

    public static List<ApiPath> read() {
        JsonNode paths = new YAMLMapper().readTree(openApi().toFile()).path("paths");
        List<ApiPath> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            Set<String> tags = new LinkedHashSet<>();
            path.getValue().properties().forEach(operation -> operation.getValue().path("tags").valueStream()
                    .forEach(tag -> tags.add(tag.asString())));
            result.add(new ApiPath(path.getKey(), path.getKey().replaceAll("\\{[^}]+}", "x-1"), tags, ownerOf(path.getKey(), tags)));
        }
        return result;
    }

    private static Optional<String> ownerOf(String path, Set<String> tags) {
        if (tags.size() != 1) {
            throw new AssertionError(path + " has the tags " + tags + ": one owner per path");
        }
        String tag = tags.iterator().next();
        if (LAUNCHER_ONLY_TAGS.contains(tag)) {
            return Optional.empty();
        }
        return Optional.of(switch (tag) {
            // "Drift detection (the streams application) and observation on demand (orchestrator)"
            case "drift" -> path.endsWith("/observe") ? "orchestrator" : "streams";
            // "API keys (platform/security) and users of the embedded issuer (services/identity)":
            // the keys' tables are shared by every service with a database; intake answers them
            case "access" -> path.startsWith("/api/v1/users") ? "identity" : "intake";
            default -> {
                String owner = TAG_OWNERS.get(tag);
                if (owner == null) {
                    throw new AssertionError("The tag " + tag + " of " + path + " has no owner in " + ApiOwners.class.getSimpleName()
                            + ": name the service that serves it, and route it in infra/helm/dharma/files/gateway-routes.conf");
                }
                yield owner;
            }
        });
    }
}
