package io.dharma.orchestrator.testapp;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small executor for the orchestrator's own tests, over a real PostgreSQL table
 * ({@code orchestrator_test.resource}): plans by comparing desired attributes with the table,
 * applies one change idempotently per (stack, resource), with a latency split around the write
 * (so an interruption can land before or after it) and injectable faults. Every write that
 * created a row is logged in {@code orchestrator_test.created}, so a test can prove nothing was
 * created twice. The end-to-end tests use the real sandbox cloud once it is available.
 */
public class TableExecutor implements InfrastructureExecutor {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcClient jdbc;
    private volatile Duration latency = Duration.ZERO;
    private final Set<String> permanentFailures = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applyCalls = new ConcurrentHashMap<>();
    private final Map<String, Duration> stalls = new ConcurrentHashMap<>();

    public TableExecutor(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create schema if not exists orchestrator_test").update();
        jdbc.sql("""
                create table if not exists orchestrator_test.resource (
                    blueprint_id text not null, name text not null, type text not null, attributes text not null,
                    provider_id text not null, position serial, primary key (blueprint_id, name))""").update();
        jdbc.sql("""
                create table if not exists orchestrator_test.created (
                    blueprint_id text not null, name text not null, provider_id text not null)""").update();
    }

    @Override
    public String name() {
        return "table";
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Every apply of the blueprint's {@code resourceName} fails permanently. */
    public void failPermanently(String blueprintId, String resourceName) {
        permanentFailures.add(key(blueprintId, resourceName));
    }

    /** The next {@code times} applies of the blueprint's {@code resourceName} fail transiently. */
    public void failTransiently(String blueprintId, String resourceName, int times) {
        transientFailures.put(key(blueprintId, resourceName), new AtomicInteger(times));
    }

    /** After applying the blueprint's {@code resourceName}, waits {@code stall} before returning (a window to kill in). */
    public void stallAfter(String blueprintId, String resourceName, Duration stall) {
        stalls.put(key(blueprintId, resourceName), stall);
    }

    public void clearFaults() {
        permanentFailures.clear();
        transientFailures.clear();
        stalls.clear();
    }

    public int applyCalls(String blueprintId, String resourceName) {
        return applyCalls.getOrDefault(key(blueprintId, resourceName), new AtomicInteger()).get();
    }

    private static String key(String blueprintId, String resourceName) {
        return blueprintId + "/" + resourceName;
    }

    /** How many times each resource of the blueprint was created. */
    public Map<String, Integer> creations(String blueprintId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select name, count(*) from orchestrator_test.created where blueprint_id = ? group by name order by name")
                .param(blueprintId)
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    public List<ActualResource> inventory(String blueprintId) {
        return jdbc.sql("select name, type, attributes, provider_id from orchestrator_test.resource where blueprint_id = ? order by position")
                .param(blueprintId)
                .query((rs, i) -> new ActualResource(rs.getString(1), rs.getString(2), rs.getString(4),
                        read(rs.getString(3)), Map.of("region", "test-1")))
                .list();
    }

    /** Changes a resource behind the orchestrator's back. */
    public void tamper(String blueprintId, String name, Map<String, Object> attributes) {
        jdbc.sql("update orchestrator_test.resource set attributes = ? where blueprint_id = ? and name = ?")
                .params(write(attributes), blueprintId, name).update();
    }

    @Override
    public Plan plan(Stack stack, DesiredState desired) {
        Map<String, ActualResource> actual = new LinkedHashMap<>();
        inventory(stack.blueprintId()).forEach(resource -> actual.put(resource.name(), resource));
        List<PlannedChange> changes = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (DesiredResource resource : desired.resources()) {
            wanted.add(resource.name());
            ActualResource existing = actual.get(resource.name());
            if (existing == null) {
                changes.add(new PlannedChange(ChangeAction.CREATE, resource.name(), resource.type(), resource, List.of()));
            } else if (!write(existing.attributes()).equals(write(resource.attributes()))) {
                List<String> changed = resource.attributes().keySet().stream()
                        .filter(key -> !Objects.equals(write(existing.attributes().get(key)), write(resource.attributes().get(key))))
                        .sorted().toList();
                changes.add(new PlannedChange(ChangeAction.UPDATE, resource.name(), resource.type(), resource, changed));
            }
        }
        List<ActualResource> doomed = new ArrayList<>(actual.values().stream().filter(r -> !wanted.contains(r.name())).toList());
        Collections.reverse(doomed);
        doomed.forEach(r -> changes.add(new PlannedChange(ChangeAction.DELETE, r.name(), r.type(), null, List.of())));
        return new Plan(changes);
    }

    @Override
    public ActualResource apply(Stack stack, PlannedChange change) throws ExecutorException {
        String key = key(stack.blueprintId(), change.resourceName());
        applyCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        pause(change);
        if (permanentFailures.contains(key)) {
            throw ExecutorException.permanentFailure(change.resourceName(), "quota exceeded for " + change.resourceName());
        }
        AtomicInteger transients = transientFailures.get(key);
        if (transients != null && transients.getAndDecrement() > 0) {
            throw ExecutorException.transientFailure(change.resourceName(), "throttled, try again");
        }
        String providerId = "test:" + stack.blueprintId() + "/" + change.resourceName();
        ActualResource result = switch (change.action()) {
            case CREATE -> {
                int created = jdbc.sql("""
                        insert into orchestrator_test.resource (blueprint_id, name, type, attributes, provider_id)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(stack.blueprintId(), change.resourceName(), change.type(),
                                write(change.desired().attributes()), providerId)
                        .update();
                if (created == 1) {
                    jdbc.sql("insert into orchestrator_test.created values (?, ?, ?)")
                            .params(stack.blueprintId(), change.resourceName(), providerId).update();
                }
                yield find(stack, change.resourceName());
            }
            case UPDATE -> {
                jdbc.sql("update orchestrator_test.resource set attributes = ? where blueprint_id = ? and name = ?")
                        .params(write(change.desired().attributes()), stack.blueprintId(), change.resourceName())
                        .update();
                yield find(stack, change.resourceName());
            }
            case DELETE -> {
                ActualResource gone = inventory(stack.blueprintId()).stream()
                        .filter(r -> r.name().equals(change.resourceName())).findFirst()
                        .orElse(new ActualResource(change.resourceName(), change.type(), providerId, Map.of(), Map.of()));
                jdbc.sql("delete from orchestrator_test.resource where blueprint_id = ? and name = ?")
                        .params(stack.blueprintId(), change.resourceName()).update();
                yield gone;
            }
        };
        pause(change);
        Duration stall = stalls.get(key);
        if (stall != null) {
            sleep(change, stall);
        }
        return result;
    }

    @Override
    public List<ActualResource> readActualState(Stack stack) {
        return inventory(stack.blueprintId());
    }

    private ActualResource find(Stack stack, String name) {
        return inventory(stack.blueprintId()).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void pause(PlannedChange change) throws ExecutorException {
        if (!latency.isZero()) {
            sleep(change, latency.dividedBy(2));
        }
    }

    private static void sleep(PlannedChange change, Duration duration) throws ExecutorException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExecutorException.transientFailure(change.resourceName(), "interrupted");
        }
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> read(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }
}
