package io.dharma.sandbox;

import io.dharma.executor.ActualResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.sandbox.app.SandboxApplication;
import io.dharma.testing.EmbeddedStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox application on a random port against the shared real PostgreSQL, no latency. Every
 * test works in a stack of its own (a fresh blueprint id), so tests never see each other's resources.
 */
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SandboxApplication.CONFIG_NAME, "dharma.sandbox.latency=0"})
abstract class SandboxIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxExecutor executor;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedStack.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
    }

    /** A stack of its own for a test: the example's cloud and region, a new blueprint id. */
    static Stack newStack(String tenant, String blueprintName, String cloud, String region) {
        return new Stack(tenant, UUID.randomUUID().toString(), blueprintName, cloud, region);
    }

    /** Plans {@code desired} and applies every change in order, as the orchestrator does. */
    Plan deploy(Stack stack, DesiredState desired) throws ExecutorException {
        Plan plan = executor.plan(stack, desired);
        applyAll(stack, plan);
        return plan;
    }

    List<ActualResource> applyAll(Stack stack, Plan plan) throws ExecutorException {
        List<ActualResource> results = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            results.add(executor.apply(stack, change));
        }
        return results;
    }

    SandboxClient client(String tenant) {
        return new SandboxClient("http://localhost:" + port, tenant, null);
    }

    SandboxClient client(String tenant, String user) {
        return new SandboxClient("http://localhost:" + port, tenant, user);
    }

    /** Rows the inventory has for a resource, counted in the database itself. */
    static int rows(Stack stack, String name) {
        return count("SELECT count(*) FROM sandbox.resource WHERE tenant_id = ? AND blueprint_id = ? AND name = ?",
                stack.tenantId(), stack.blueprintId(), name);
    }

    /** Audit log entries of one kind for a resource. */
    static int operations(Stack stack, String name, String kind) {
        return count("SELECT count(*) FROM sandbox.operation WHERE tenant_id = ? AND blueprint_id = ? AND resource_name = ? AND kind = ?",
                stack.tenantId(), stack.blueprintId(), name, kind);
    }

    private static int count(String sql, String... parameters) {
        try (Connection connection = EmbeddedStack.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
