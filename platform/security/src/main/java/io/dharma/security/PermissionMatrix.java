package io.dharma.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which roles may call which API operation: the data in {@code permissions.yaml} beside this class,
 * the one place that says it. platform-admin may call every operation; an operation not listed may
 * be called by platform-admin only.
 */
public final class PermissionMatrix {

    public static final String RESOURCE = "permissions.yaml";

    private final List<Operation> operations;
    /** One per operation, same order: parsed once, since every request is matched against them. */
    private final List<PathPatternRequestMatcher> matchers;

    private PermissionMatrix(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        this.matchers = this.operations.stream().map(Operation::matcher).toList();
    }

    public static PermissionMatrix load() {
        try (InputStream in = PermissionMatrix.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Operation> operations = new ArrayList<>();
            for (Object entry : (List<?>) document.get("operations")) {
                Map<?, ?> operation = (Map<?, ?>) entry;
                operations.add(new Operation(
                        (String) operation.get("id"),
                        HttpMethod.valueOf((String) operation.get("method")),
                        (String) operation.get("path"),
                        roles(operation.get("roles"))));
            }
            return new PermissionMatrix(operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    public Optional<Operation> operation(String id) {
        return operations.stream().filter(operation -> operation.id().equals(id)).findFirst();
    }

    public Optional<Operation> match(HttpServletRequest request) {
        for (int i = 0; i < operations.size(); i++) {
            if (matchers.get(i).matches(request)) {
                return Optional.of(operations.get(i));
            }
        }
        return Optional.empty();
    }

    /** Role lists may nest (YAML aliases of role groups); unknown role names fail the load. */
    private static Set<String> roles(Object value) {
        Set<String> roles = new LinkedHashSet<>();
        for (Object item : (Collection<?>) value) {
            if (item instanceof Collection<?>) {
                roles.addAll(roles(item));
            } else {
                String name = String.valueOf(item);
                roles.add(Role.of(name).orElseThrow(() -> new IllegalStateException(
                        RESOURCE + " names an unknown role: " + name)).id());
            }
        }
        return roles;
    }

    /** One API operation, as {@code contracts/openapi.yaml} names it, and the roles that may call it. */
    public record Operation(String id, HttpMethod method, String path, Set<String> roles) {

        public Operation {
            roles = Set.copyOf(roles);
        }

        PathPatternRequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, path);
        }

        public boolean allows(Set<String> callerRoles) {
            return callerRoles.contains(Role.PLATFORM_ADMIN.id()) || callerRoles.stream().anyMatch(roles::contains);
        }
    }
}
