package io.dharma.terraform;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.ChangeListener;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Deploys a stack by running Terraform on exactly the files the generator published for the
 * version (ADR 0014):
 * <ul>
 *   <li>plan = {@code terraform plan -out}, read back with {@code show -json}; the plan file is
 *       what {@link #apply} applies, and Terraform refuses it if the state moved on since;</li>
 *   <li>apply = {@code terraform apply -json <planfile>}, each completed resource reported with the
 *       attributes and id it has in the state Terraform wrote;</li>
 *   <li>actual state = what a {@code terraform plan} (never applied) finds different from the
 *       configuration after refreshing: the last applied attributes with Terraform's view of the
 *       cloud for each attribute it would change ({@link TerraformJson#observed});</li>
 *   <li>state in PostgreSQL (the pg backend, one Terraform workspace per stack) with Terraform's
 *       own locking; runs wait up to the lock timeout for a lock held by another run.</li>
 * </ul>
 * Runs of one stack are serialised here as well as by the orchestrator's stack lock, and a plan or
 * apply whose fencing token is lower than the highest seen for the stack is refused before
 * Terraform runs ({@link StackFence}).
 */
public class TerraformExecutor implements InfrastructureExecutor {

    public static final String NAME = "terraform";

    private static final Logger log = LoggerFactory.getLogger(TerraformExecutor.class);
    /** Reading a state for its values only: names and types come from the plan's changes. */
    private static final StackConfiguration UNNAMED = new StackConfiguration(DesiredState.EMPTY, null);

    private final TerraformEnvironment environment;
    private final TerraformRun terraform;
    private final Path stacksDir;
    private final String awsEndpoint;
    private final String lockTimeout;
    private final Map<String, ReentrantLock> stackLocks = new ConcurrentHashMap<>();

    public TerraformExecutor(TerraformExecutorProperties properties, TerraformEnvironment environment) {
        this.environment = environment;
        this.terraform = new TerraformRun(properties.binary(), properties.maxParallelRuns(), properties.runTimeout());
        this.stacksDir = environment.workDir().resolve("stacks");
        this.awsEndpoint = properties.aws().endpoint();
        this.lockTimeout = properties.lockTimeout().toSeconds() + "s";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("awsEndpoint", awsEndpoint == null ? "the provider's own (real AWS)" : awsEndpoint);
        details.put("workDir", environment.workDir().toString());
        details.put("state", "PostgreSQL schema " + TerraformEnvironment.STATE_SCHEMA);
        return details;
    }

    TerraformEnvironment environment() {
        return environment;
    }

    @Override
    public Plan plan(Stack stack, StackConfiguration configuration) throws ExecutorException {
        return plan(stack, configuration, "apply", List.of());
    }

    @Override
    public Plan planDestroy(Stack stack, StackConfiguration lastApplied) throws ExecutorException {
        return plan(stack, lastApplied, "destroy", List.of("-destroy"));
    }

    private Plan plan(Stack stack, StackConfiguration configuration, String kind, List<String> mode) throws ExecutorException {
        return locked(stack, () -> {
            new StackFence(stacksDir, stack).admit(stack);
            StackWorkspace workspace = prepare(stack, configuration);
            Path planFile = workspace.newPlanFile(kind);
            List<String> arguments = new ArrayList<>(List.of("plan", "-json", "-input=false", "-no-color",
                    "-lock-timeout=" + lockTimeout, "-out=" + planFile));
            arguments.addAll(mode);
            PlanProgress planned = new PlanProgress();
            TerraformRun.Result result = execute(stack, workspace, arguments, "plan", planned);
            if (!result.succeeded()) {
                StackWorkspace.deleteQuietly(planFile);
                throw ExecutorException.permanentFailure(null, "terraform plan failed: " + planned.errorText(result));
            }
            return new Plan(planned.changes(configuration), planFile.toString());
        });
    }

    @Override
    public Map<String, String> apply(Stack stack, Plan plan, ChangeListener listener) throws ExecutorException {
        if (plan.artifact() == null) {
            throw ExecutorException.permanentFailure(null, "a Terraform plan is applied from its plan file; this plan has none");
        }
        Path planFile = Path.of(plan.artifact());
        return locked(stack, () -> {
            new StackFence(stacksDir, stack).admit(stack);
            StackWorkspace workspace = new StackWorkspace(stacksDir, stack);
            if (!Files.isRegularFile(planFile)) {
                throw ExecutorException.permanentFailure(null, "the plan file " + planFile.getFileName()
                        + " is gone (applied already, or the executor restarted); plan again");
            }
            ApplyProgress progress = new ApplyProgress(stack.blueprintId());
            TerraformRun.Result result;
            try {
                result = execute(stack, workspace, List.of("apply", "-input=false", "-no-color", "-json",
                        "-lock-timeout=" + lockTimeout, planFile.toString()), "apply", progress);
            } finally {
                StackWorkspace.deleteQuietly(planFile);
            }
            JsonNode state = showJson(stack, workspace, null);
            report(plan, progress, TerraformJson.resources(state.path("values"), UNNAMED), listener);
            if (!result.succeeded()) {
                throw failure(plan, progress, result);
            }
            return TerraformJson.outputs(state.path("values").path("outputs"));
        });
    }

    @Override
    public List<ActualResource> readActualState(Stack stack, StackConfiguration deployed) throws ExecutorException {
        return locked(stack, () -> {
            StackWorkspace workspace = prepare(stack, deployed);
            Path planFile = workspace.newPlanFile("observe");
            try {
                run(stack, workspace, List.of("plan", "-input=false", "-no-color", "-lock-timeout=" + lockTimeout,
                        "-out=" + planFile), "plan (observing)");
                return TerraformJson.observed(showJson(stack, workspace, planFile.toString()), deployed);
            } finally {
                StackWorkspace.deleteQuietly(planFile);
            }
        });
    }

    @Override
    public void discard(Plan plan) {
        if (plan.artifact() != null) {
            StackWorkspace.deleteQuietly(Path.of(plan.artifact()));
        }
    }

    /** Tells the listener of each completed change, in completion order, as the state now has it. */
    private static void report(Plan plan, ApplyProgress progress, List<ActualResource> state, ChangeListener listener) {
        Map<String, PlannedChange> planned = plan.changes().stream()
                .collect(Collectors.toMap(PlannedChange::address, Function.identity(), (a, b) -> a));
        Map<String, ActualResource> now = state.stream()
                .collect(Collectors.toMap(ActualResource::address, Function.identity(), (a, b) -> a));
        for (ApplyProgress.Completed completed : progress.completed()) {
            PlannedChange change = planned.get(completed.address());
            if (change == null) {
                continue;
            }
            ActualResource inState = change.action() == ChangeAction.DELETE ? null : now.get(completed.address());
            listener.applied(change, inState == null
                    ? new ActualResource(change.address(), change.resourceName(), change.type(), completed.idValue(),
                            Map.of(), Map.of())
                    : new ActualResource(change.address(), change.resourceName(), change.type(), inState.providerId(),
                            inState.attributes(), Map.of()));
        }
    }

    private static ExecutorException failure(Plan plan, ApplyProgress progress, TerraformRun.Result result) {
        String address = progress.firstFailedAddress();
        String message = progress.errors().isEmpty()
                ? "terraform apply exited " + result.exitCode() + ": " + tail(result.output())
                : progress.errorText(result);
        String resourceName = plan.changes().stream().filter(change -> change.address().equals(address))
                .map(PlannedChange::resourceName).findFirst().orElse(null);
        return ExecutorException.permanentFailureOf(resourceName, address, message);
    }

    /** Writes the workspace and, when its files changed, initialises it and selects the stack's state. */
    private StackWorkspace prepare(Stack stack, StackConfiguration configuration) throws ExecutorException {
        GeneratedTerraform generated = configuration.generated().orElseThrow(() -> ExecutorException.permanentFailure(
                null, "the Terraform generated for this version is not known to the orchestrator; it cannot be deployed "
                        + "with Terraform"));
        StackWorkspace workspace = new StackWorkspace(stacksDir, stack);
        if (workspace.write(generated, ProviderOverrides.of(stack, awsEndpoint))) {
            try {
                run(stack, workspace, List.of("init", "-input=false", "-no-color", "-lock-timeout=" + lockTimeout), "init");
                run(stack, workspace, List.of("workspace", "select", "-or-create=true", "-no-color",
                        TerraformEnvironment.workspaceName(stack)), "workspace select");
            } catch (ExecutorException e) {
                workspace.invalidate();
                throw e;
            }
        }
        return workspace;
    }

    /** Runs a command, failing with Terraform's own words if it fails. */
    private TerraformRun.Result run(Stack stack, StackWorkspace workspace, List<String> arguments, String what)
            throws ExecutorException {
        TerraformRun.Result result = execute(stack, workspace, arguments, what, line -> { });
        if (!result.succeeded()) {
            log.warn("terraform {} of stack {} failed:\n{}", what, stack.blueprintId(), result.output());
            throw ExecutorException.permanentFailure(null, "terraform " + what + " failed: " + tail(result.output()));
        }
        return result;
    }

    private TerraformRun.Result execute(Stack stack, StackWorkspace workspace, List<String> arguments, String what,
            Consumer<String> lines) throws ExecutorException {
        try {
            return terraform.run(workspace.configDir(), environment.variables(stack), arguments, lines);
        } catch (IOException e) {
            throw ExecutorException.permanentFailure(null, "cannot run terraform (" + e.getMessage()
                    + "); is it installed? (dharma.executor.terraform.binary)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExecutorException.transientFailure(null, "terraform " + what + " was interrupted", e);
        }
    }

    private JsonNode showJson(Stack stack, StackWorkspace workspace, String planFile) throws ExecutorException {
        List<String> arguments = new ArrayList<>(List.of("show", "-json", "-no-color"));
        if (planFile != null) {
            arguments.add(planFile);
        }
        String output = run(stack, workspace, arguments, "show").output();
        int json = output.indexOf('{');
        if (json < 0) {
            throw ExecutorException.permanentFailure(null, "terraform show printed no JSON: " + tail(output));
        }
        return TerraformJson.JSON.readTree(output.substring(json));
    }

    /** The last lines of Terraform's output: the error, without the progress before it. */
    static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }

    private <T> T locked(Stack stack, StackWork<T> work) throws ExecutorException {
        ReentrantLock lock = stackLocks.computeIfAbsent(stack.blueprintId(), id -> new ReentrantLock());
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface StackWork<T> {
        T run() throws ExecutorException;
    }
}
