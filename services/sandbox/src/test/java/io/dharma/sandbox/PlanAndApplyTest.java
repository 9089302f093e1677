package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dharma.blueprint.Blueprint;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanAndApplyTest extends SandboxIntegrationTest {

    private static final Blueprint WEB_APP = Blueprints.example("aws-web-app.yaml");

    @Test
    void aPlanForAnEmptyStackCreatesEverythingInDependencyOrder() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-empty", UUID.randomUUID().toString(), WEB_APP);
        DesiredState desired = DesiredStates.from(WEB_APP);

        Plan plan = executor.plan(stack, desired);

        assertThat(plan.changes()).extracting(PlannedChange::action).containsOnly(ChangeAction.CREATE);
        assertThat(plan.toAdd()).isEqualTo(WEB_APP.spec().resources().size());
        assertThat(plan.changes()).extracting(PlannedChange::resourceName)
                .containsExactlyElementsOf(desired.resources().stream().map(DesiredResource::name).toList());
        List<String> created = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            assertThat(created).as("what " + change.resourceName() + " depends on").containsAll(change.desired().dependsOn());
            created.add(change.resourceName());
        }
        assertThat(created.indexOf("main")).isLessThan(created.indexOf("private-a"));
        assertThat(created.indexOf("private-a")).isLessThan(created.indexOf("web"));
        assertThat(created.indexOf("web-lb")).isLessThan(created.indexOf("www"));
    }

    @Test
    void aDesiredStateOutOfOrderIsStillCreatedDependenciesFirst() throws Exception {
        Stack stack = newStack("plan-order", "reordered", "aws", "eu-west-1");
        List<DesiredResource> reversed = new ArrayList<>(DesiredStates.from(WEB_APP).resources()).reversed();

        Plan plan = executor.plan(stack, new DesiredState(reversed));

        List<String> created = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            assertThat(created).containsAll(change.desired().dependsOn());
            created.add(change.resourceName());
        }
    }

    @Test
    void afterApplyingEveryChangeTheNextPlanIsEmpty() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-twice", UUID.randomUUID().toString(), WEB_APP);
        DesiredState desired = DesiredStates.from(WEB_APP);

        deploy(stack, desired);

        assertThat(executor.readActualState(stack)).hasSize(WEB_APP.spec().resources().size());
        assertThat(executor.plan(stack, desired).isEmpty()).isTrue();
    }

    @Test
    void aChangedBlueprintUpdatesOnlyTheDifferences() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-update", UUID.randomUUID().toString(), WEB_APP);
        DesiredState v1 = DesiredStates.from(WEB_APP);
        deploy(stack, v1);
        DesiredState v2 = Blueprints.withAttributes(v1, "db", db -> Blueprints.set(db, "size", "large"));
        v2 = Blueprints.withAttributes(v2, "web", web -> Blueprints.set(Blueprints.set(web, "count", 3),
                "disk", Map.of("sizeGb", 30, "type", "standard")));

        Plan update = executor.plan(stack, v2);

        assertThat(update.changes()).extracting(PlannedChange::action, PlannedChange::resourceName, PlannedChange::changedAttributes)
                .containsExactly(
                        tuple(ChangeAction.UPDATE, "web", List.of("count", "disk")),
                        tuple(ChangeAction.UPDATE, "db", List.of("size")));
        assertThat(update.toAdd()).isZero();
        assertThat(update.toDestroy()).isZero();

        ActualResource before = actual(stack, "db");
        List<ActualResource> applied = applyAll(stack, update);

        ActualResource db = applied.get(1);
        assertThat(db.attributes()).containsEntry("size", "large");
        assertThat(db.providerId()).isEqualTo(before.providerId());
        assertThat(before.providerAttributes()).containsEntry("instanceClass", "db.t3.small");
        assertThat(db.providerAttributes()).containsEntry("instanceClass", "db.m6i.xlarge");
        assertThat(applied.get(0).providerAttributes().get("instanceIds").split(",")).hasSize(3);
        assertThat(executor.plan(stack, v2).isEmpty()).isTrue();
        assertThat(client("plan-update").get("/api/v1/sandbox/resources?blueprintId=" + stack.blueprintId())
                .json().path("items").valueStream()
                .filter(item -> item.path("name").asString().equals("db"))
                .findFirst().orElseThrow().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void removedResourcesAreDeletedDependentsFirst() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-delete", UUID.randomUUID().toString(), WEB_APP);
        DesiredState v1 = DesiredStates.from(WEB_APP);
        deploy(stack, v1);

        Plan plan = executor.plan(stack, Blueprints.without(v1, "web-lb", "www", "web-fw"));

        assertThat(plan.changes()).extracting(PlannedChange::action).containsOnly(ChangeAction.DELETE);
        List<String> deleted = plan.changes().stream().map(PlannedChange::resourceName).toList();
        assertThat(deleted).containsExactlyInAnyOrder("web-lb", "www", "web-fw");
        assertThat(deleted.indexOf("www")).as("www points at web-lb").isLessThan(deleted.indexOf("web-lb"));
        assertThat(deleted.indexOf("web-fw")).as("web-fw targets web-lb").isLessThan(deleted.indexOf("web-lb"));

        List<ActualResource> gone = applyAll(stack, plan);

        assertThat(gone).extracting(ActualResource::name).containsExactlyElementsOf(deleted);
        assertThat(executor.readActualState(stack)).extracting(ActualResource::name)
                .doesNotContain("web-lb", "www", "web-fw").hasSize(WEB_APP.spec().resources().size() - 3);
    }

    @Test
    void destroyingAStackDeletesEverythingInReverseDependencyOrder() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-destroy", UUID.randomUUID().toString(), WEB_APP);
        Plan created = deploy(stack, DesiredStates.from(WEB_APP));

        Plan destroy = executor.planDestroy(stack, null);

        assertThat(destroy.toDestroy()).isEqualTo(created.toAdd());
        List<String> order = destroy.changes().stream().map(PlannedChange::resourceName).toList();
        assertThat(order.getLast()).isEqualTo("main");
        assertThat(order.indexOf("web")).isLessThan(order.indexOf("private-a"));
        applyAll(stack, destroy);
        assertThat(executor.readActualState(stack)).isEmpty();
    }

    @Test
    void aTypeChangeReplacesTheResourceDeleteBeforeCreate() throws Exception {
        Stack stack = DesiredStates.stackOf("plan-replace", UUID.randomUUID().toString(), WEB_APP);
        DesiredState v1 = DesiredStates.from(WEB_APP);
        deploy(stack, v1);
        ActualResource bucket = actual(stack, "uploads");
        List<DesiredResource> resources = new ArrayList<>(v1.resources());
        resources.replaceAll(r -> r.name().equals("uploads")
                ? new DesiredResource("uploads", "cache.redis", Map.of("size", "small", "version", "7", "replicas", 0,
                        "subnet", "private-a"), List.of("private-a"))
                : r);
        DesiredState v2 = new DesiredState(resources);

        Plan plan = executor.plan(stack, v2);

        assertThat(plan.changes()).extracting(PlannedChange::action, PlannedChange::resourceName, PlannedChange::type)
                .containsExactly(
                        tuple(ChangeAction.DELETE, "uploads", "storage.bucket"),
                        tuple(ChangeAction.CREATE, "uploads", "cache.redis"));
        applyAll(stack, plan);
        ActualResource cache = actual(stack, "uploads");
        assertThat(cache.type()).isEqualTo("cache.redis");
        assertThat(cache.providerId()).startsWith("arn:aws:elasticache:").isNotEqualTo(bucket.providerId());
        assertThat(rows(stack, "uploads")).isEqualTo(1);
        assertThat(executor.plan(stack, v2).isEmpty()).isTrue();
        // the stale half of the replacement, applied again, leaves the new resource alone
        assertThat(executor.apply(stack, plan.changes().getFirst()).type()).isEqualTo("storage.bucket");
        assertThat(actual(stack, "uploads").type()).isEqualTo("cache.redis");
    }

    @Test
    void moreRecentAttributesOfEqualValueAreNotAChange() throws Exception {
        Stack stack = newStack("plan-equal", "numbers", "gcp", "europe-west1");
        DesiredState asLongs = new DesiredState(List.of(new DesiredResource("files", "storage.bucket",
                Map.of("lifecycle", Map.of("archiveAfterDays", 30L), "versioning", false, "encrypted", true,
                        "publicAccess", false), List.of())));
        deploy(stack, asLongs);

        DesiredState asIntegers = new DesiredState(List.of(new DesiredResource("files", "storage.bucket",
                Map.of("publicAccess", false, "encrypted", true, "versioning", false,
                        "lifecycle", Map.of("archiveAfterDays", 30)), List.of())));

        assertThat(executor.plan(stack, asIntegers).isEmpty()).isTrue();
    }

    ActualResource actual(Stack stack, String name) throws Exception {
        return executor.readActualState(stack).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
