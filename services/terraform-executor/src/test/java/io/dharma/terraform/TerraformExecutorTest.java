package io.dharma.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import io.dharma.terraform.emulator.AwsEmulator;
import io.dharma.testing.EmbeddedStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor against real parts: the terraform binary, the hashicorp/aws provider from the
 * machine's mirror, moto as the AWS API, and state in the embedded PostgreSQL. Skipped, saying
 * which, where terraform, the mirror or moto_server is missing.
 */
class TerraformExecutorTest {

    private static AwsEmulator aws;
    private static TerraformExecutor executor;
    private static Path workDir;

    @BeforeAll
    static void start(@TempDir Path home) {
        assumeThat(Tools.missing()).as("tools this test runs for real").isEmpty();
        aws = AwsEmulator.start(home.resolve("moto"), 0);
        workDir = home.resolve("terraform");
        TerraformExecutorProperties properties = new TerraformExecutorProperties(true, "terraform", workDir,
                TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR, 2, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(10), new TerraformExecutorProperties.Aws(aws.endpoint(), "test", "test"));
        EmbeddedStack infrastructure = EmbeddedStack.get();
        executor = new TerraformExecutor(properties, TerraformEnvironment.create(workDir, infrastructure.jdbcUrl(),
                (String) infrastructure.springProperties().get("spring.datasource.username"),
                (String) infrastructure.springProperties().get("spring.datasource.password"),
                TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR, properties.aws()));
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void plansAppliesUpdatesSeesDriftAndDestroysABucket() throws Exception {
        Stack stack = stack("tf-bucket");
        StackConfiguration v1 = bucket(stack, "Enabled");

        Plan plan = executor.plan(stack, v1);
        assertThat(plan.changes()).extracting(PlannedChange::address, PlannedChange::action, PlannedChange::resourceName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("aws_s3_bucket.files", ChangeAction.CREATE, "files"),
                        org.assertj.core.groups.Tuple.tuple("aws_s3_bucket_versioning.files", ChangeAction.CREATE, "files"));
        assertThat(Path.of(plan.artifact())).exists();

        List<ActualResource> reported = new ArrayList<>();
        Map<String, String> outputs = executor.apply(stack, plan, (change, result) -> reported.add(result));

        assertThat(reported).extracting(ActualResource::address)
                .containsExactly("aws_s3_bucket.files", "aws_s3_bucket_versioning.files");
        String bucket = outputs.get("files_bucket_name");
        assertThat(bucket).startsWith("tf-bucket-files-");
        assertThat(reported.getFirst().providerId()).isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(reported.getFirst().attributes()).containsEntry("bucket", bucket).doesNotContainKey("nonexistent");
        assertThat(reported.get(1).attributes().get("versioning_configuration").toString()).contains("Enabled");
        assertThat(Path.of(plan.artifact())).as("a plan file is used once").doesNotExist();
        assertThat(s3(bucket, "?versioning")).contains("<Status>Enabled</Status>");
        assertThat(stateOnDisk()).as("state lives in PostgreSQL only").isEmpty();

        // The same plan again: refused (the file is gone, and the state moved on).
        assertThatThrownBy(() -> executor.apply(stack, plan, (change, result) -> { }))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("plan again");

        // Nothing changed: nothing to do.
        assertThat(executor.plan(stack, v1).changes()).isEmpty();

        // Drift: versioning suspended behind Terraform's back, then put back.
        Map<String, Object> applied = reported.get(1).attributes();
        putVersioning(bucket, "Suspended");
        List<ActualResource> suspended = executor.readActualState(stack, v1);
        ActualResource drifted = resource(suspended, "aws_s3_bucket_versioning.files");
        assertThat(drifted.attributes().get("versioning_configuration").toString()).contains("Suspended");
        assertThat(drifted.driftedAttributes()).as("what Terraform would change back").containsExactly("versioning_configuration");
        assertThat(resource(suspended, "aws_s3_bucket.files").driftedAttributes())
                .as("the bucket's own versioning block follows, but Terraform would not change it").isEmpty();
        putVersioning(bucket, "Enabled");
        List<ActualResource> enabled = executor.readActualState(stack, v1);
        assertThat(resource(enabled, "aws_s3_bucket_versioning.files").attributes()).isEqualTo(applied);
        assertThat(enabled).allSatisfy(resource -> assertThat(resource.driftedAttributes()).isEmpty());

        // Version 2 changes one setting: one update.
        StackConfiguration v2 = bucket(stack, "Suspended");
        Plan update = executor.plan(stack, v2);
        assertThat(update.changes()).extracting(PlannedChange::address, PlannedChange::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aws_s3_bucket_versioning.files", ChangeAction.UPDATE));
        executor.apply(stack, update, (change, result) -> { });
        assertThat(s3(bucket, "?versioning")).contains("<Status>Suspended</Status>");

        // Destroy: a destroy plan, applied.
        Plan destroy = executor.planDestroy(stack, v2);
        assertThat(destroy.changes()).extracting(PlannedChange::action).containsOnly(ChangeAction.DELETE).hasSize(2);
        List<String> deleted = new ArrayList<>();
        executor.apply(stack, destroy, (change, result) -> deleted.add(change.address()));
        assertThat(deleted).containsExactlyInAnyOrder("aws_s3_bucket.files", "aws_s3_bucket_versioning.files");
        assertThat(s3(bucket, "")).contains("NoSuchBucket");
        assertThat(executor.readActualState(stack, v2)).isEmpty();
    }

    @Test
    void aResourceThatFailsIsNamedWithTerraformsDiagnosticAfterWhatCompletedIsReported() throws Exception {
        Stack stack = stack("tf-broken");
        StackConfiguration broken = configuration(stack, Map.of("main.tf", """
                resource "aws_vpc" "net" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_subnet" "outside" {
                  vpc_id     = aws_vpc.net.id
                  cidr_block = "10.1.0.0/24"
                }
                """), Map.of("aws_vpc.net", "net", "aws_subnet.outside", "outside"));
        Plan plan = executor.plan(stack, broken);
        List<String> completed = new ArrayList<>();

        assertThatThrownBy(() -> executor.apply(stack, plan, (change, result) -> completed.add(change.address() + " " + result.providerId())))
                .isInstanceOfSatisfying(ExecutorException.class, failure -> {
                    assertThat(failure.isTransient()).isFalse();
                    assertThat(failure.address()).isEqualTo("aws_subnet.outside");
                    assertThat(failure.resourceName()).isEqualTo("outside");
                    assertThat(failure.getMessage()).contains("aws_subnet.outside").contains("InvalidSubnet.Range");
                });
        assertThat(completed).singleElement().asString().startsWith("aws_vpc.net arn:aws:ec2:");
    }

    @Test
    void aPlanOrApplyOfAClaimThatLostTheStackIsRefusedBeforeTerraformRuns() throws Exception {
        Stack stack = stack("tf-fenced");
        Plan applied = executor.plan(stack.fencedBy(2), bucket(stack, "Enabled"));
        executor.discard(applied);

        ExecutorException stalePlan = catchThrowableOfType(ExecutorException.class,
                () -> executor.plan(stack.fencedBy(1), bucket(stack, "Enabled")));
        ExecutorException staleApply = catchThrowableOfType(ExecutorException.class,
                () -> executor.apply(stack.fencedBy(1), new Plan(List.of(), "never-made.tfplan"), (change, result) -> { }));

        assertThat(stalePlan.isFenced()).isTrue();
        assertThat(stalePlan.isTransient()).isFalse();
        assertThat(staleApply.isFenced()).as("refused before it looks for the plan file").isTrue();
    }

    @Test
    void terraformSeesOnlyTheEnvironmentItIsGiven() {
        Stack stack = stack("tf-env");
        Map<String, String> variables = TerraformEnvironmentAccess.variables(executor, stack);
        assertThat(variables.keySet()).containsOnly("PATH", "HOME", "TF_CLI_CONFIG_FILE", "TF_IN_AUTOMATION", "TF_INPUT",
                "CHECKPOINT_DISABLE", "PG_CONN_STR", "PG_SCHEMA_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_REGION");
    }

    // --- fixtures ---

    private static Stack stack(String name) {
        return new Stack("team-tf", UUID.randomUUID().toString(), name, "aws", "eu-west-1");
    }

    private static StackConfiguration bucket(Stack stack, String versioning) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        Path fixture = Path.of("src/test/resources/stacks/bucket");
        try (Stream<Path> paths = Files.list(fixture)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readString(path)
                        .replace("BLUEPRINT_NAME", stack.blueprintName()).replace("VERSIONING", versioning));
            }
        }
        return configuration(stack, files, Map.of("aws_s3_bucket.files", "files", "aws_s3_bucket_versioning.files", "files"));
    }

    private static StackConfiguration configuration(Stack stack, Map<String, String> files, Map<String, String> resources)
            throws IOException {
        Map<String, String> all = new java.util.TreeMap<>(files);
        if (!all.containsKey("providers.tf")) {
            Path fixture = Path.of("src/test/resources/stacks/bucket");
            all.put("providers.tf", Files.readString(fixture.resolve("providers.tf")).replace("BLUEPRINT_NAME", stack.blueprintName()));
            all.put("versions.tf", Files.readString(fixture.resolve("versions.tf")));
        }
        List<GeneratedTerraform.File> generated = all.entrySet().stream()
                .map(file -> new GeneratedTerraform.File(StackWorkspace.HCL_FOLDER + file.getKey(), file.getValue()))
                .toList();
        String hash = "sha256:" + Integer.toHexString(all.hashCode());
        return new StackConfiguration(DesiredState.EMPTY, new GeneratedTerraform(hash, generated, resources));
    }

    private static ActualResource resource(List<ActualResource> resources, String address) {
        return resources.stream().filter(resource -> resource.address().equals(address)).findFirst().orElseThrow();
    }

    private static List<Path> stateOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tfstate")
                    && !path.getParent().getFileName().toString().equals(".terraform")).toList();
        }
    }

    private static String s3(String bucket, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(aws.endpoint() + "/" + bucket + query))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=x")
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void putVersioning(String bucket, String status) throws Exception {
        String body = "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>" + status
                + "</Status></VersioningConfiguration>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(aws.endpoint() + "/" + bucket + "?versioning"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=x")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
