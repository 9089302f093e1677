package io.dharma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The permission matrix and the published API describe the same operations. */
class PermissionMatrixTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final PermissionMatrix matrix = PermissionMatrix.load();

    @Test
    void everyOpenApiOperationIsInTheMatrixWithItsMethodAndPath() throws IOException {
        Map<String, String> documented = documentedOperations();
        Map<String, String> inMatrix = matrix.operations().stream().collect(Collectors.toMap(
                PermissionMatrix.Operation::id, operation -> operation.method().name() + " " + operation.path(),
                (a, b) -> a, TreeMap::new));

        assertThat(inMatrix).as("permissions.yaml against contracts/openapi.yaml").isEqualTo(documented);
    }

    @Test
    void platformAdminMayCallEverythingAndEveryTenantRoleMayCallSomething() {
        for (PermissionMatrix.Operation operation : matrix.operations()) {
            assertThat(operation.allows(Set.of("platform-admin"))).as(operation.id()).isTrue();
        }
        for (Role role : Role.values()) {
            assertThat(matrix.operations().stream().anyMatch(operation -> operation.allows(Set.of(role.id()))))
                    .as(role.id()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> documentedOperations() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("../../contracts/openapi.yaml"))) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> operations = new TreeMap<>();
            ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
                if (METHODS.contains(method)) {
                    operations.put((String) ((Map<String, Object>) op).get("operationId"), method.toUpperCase() + " " + path);
                }
            }));
            return operations;
        }
    }
}
