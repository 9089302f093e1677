package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.dharma.terraform.TerraformExecutorProperties;
import io.dharma.terraform.emulator.AwsEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * `./dharma up --aws-endpoint` for real, in a JVM of its own: the AWS example is deployed by
 * Terraform (the generator's files, the hashicorp/aws provider from the machine's mirror) into moto
 * while the platform is killed with SIGKILL during the plan, during the apply and right after an
 * apply, and started again each time. Every deployment ends SUCCEEDED and moto holds each resource
 * once (counted by the {@code dharma-blueprint} tag). Then drift made with the S3 API behind the
 * platform's back is detected and resolved, and the destroy removes it all. Skipped, saying what is
 * missing, where terraform, the provider mirror or moto_server is not installed.
 *
 * <p>It shares nothing with the other classes (its own platform JVM, home, ports and emulator) and
 * mostly waits, so it runs beside them (junit-platform.properties, ADR 0030).
 */
@Execution(ExecutionMode.CONCURRENT)
class TerraformDeploymentEndToEndTest {

    private static final Logger LOG = LoggerFactory.getLogger(TerraformDeploymentEndToEndTest.class);
    private static final Duration DEPLOY_PATIENCE = Duration.ofMinutes(6);
    private static final String NAME = "shop-web-tf";

    private static AwsEmulator emulator;
    private static PlatformProcess platform;
    private static PlatformApi api;
    private static String awsEndpoint;

    @BeforeAll
    static void start() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!AwsEmulator.onPath("terraform")) {
            missing.add("terraform");
        }
        if (!AwsEmulator.onPath(AwsEmulator.COMMAND)) {
            missing.add(AwsEmulator.COMMAND);
        }
        if (!Files.isDirectory(TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR.resolve("registry.terraform.io/hashicorp/aws"))) {
            missing.add("the hashicorp/aws mirror in " + TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR);
        }
        assumeThat(missing).as("tools this test runs for real").isEmpty();
        Path home = Files.createTempDirectory("dharma-terraform-e2e");
        emulator = AwsEmulator.start(home.resolve("aws-emulator"), 0);
        awsEndpoint = emulator.endpoint();
        platform = new PlatformProcess(home.resolve("platform"), "--aws-endpoint", awsEndpoint);
        api = PlatformApi.withBearer(platform.apiUrl(), PlatformProcess.ADMIN_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theAwsExampleIsDeployedByTerraformThroughCrashesWatchedForDriftAndDestroyed() throws Exception {
        platform.start();
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", NAME);

        // SIGKILL while Terraform plans, then while it applies: the orphaned run finishes on its own.
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> platform.terraform("plan").isPresent());
        platform.kill();
        LOG.info("killed the platform during terraform plan");
        platform.start();
        String deploymentId = await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> tracking(accepted).path("deploymentId").asString(""), id -> !id.isEmpty());
        // Terraform has created some resources and is still creating others.
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.terraform("apply").isPresent() && count(platform.output(), " complete\n") >= 5);
        platform.kill();
        LOG.info("killed the platform during terraform apply of deployment {}", deploymentId);
        platform.start();

        JsonNode tracking = await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(
                () -> tracking(accepted), view -> Set.of("SUCCEEDED", "FAILED").contains(view.path("status").asString()));
        assertThat(tracking.path("status").asString()).as(tracking.toString()).isEqualTo("SUCCEEDED");
        Map<String, String> resources = deployed(deploymentId);
        assertThat(resources.keySet()).as("every resource of the generated Terraform, with its cloud id")
                .contains("aws_vpc.main", "aws_instance.web[0]", "aws_instance.web[1]", "aws_db_instance.db",
                        "aws_lb.web_lb", "aws_route53_record.www", "aws_s3_bucket.uploads", "aws_elasticache_replication_group.cache",
                        "aws_s3_bucket_versioning.uploads")
                .hasSizeGreaterThanOrEqualTo(30);
        // (a bucket's versioning, encryption, lifecycle and access block carry the bucket's name as their id)
        assertThat(resources.values()).as("cloud ids").allSatisfy(id -> assertThat(id).isNotBlank());
        assertEachResourceOnce();

        // SIGKILL right after Terraform applied version 2, before the platform recorded it.
        PlatformApi.Accepted v2 = api.submitExample("aws-web-app.yaml", NAME, "archiveAfterDays: 90", "archiveAfterDays: 120");
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> platform.terraform("apply").isPresent());
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> platform.terraform("apply").isEmpty());
        platform.kill();
        LOG.info("killed the platform right after terraform apply of version 2");
        platform.start();
        JsonNode second = await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(
                () -> tracking(v2), view -> Set.of("SUCCEEDED", "FAILED").contains(view.path("status").asString()));
        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        String v2Deployment = second.path("deploymentId").asString();
        JsonNode v2Plan = PlatformApi.json(api.get("/api/v1/deployments/" + v2Deployment).body()).path("plan");
        assertThat(v2Plan.path("toAdd").asInt()).as(v2Plan.toString()).isZero();
        assertThat(v2Plan.path("toDestroy").asInt()).as(v2Plan.toString()).isZero();
        assertThat(deployed(v2Deployment)).as("version 2 updated the bucket's lifecycle rule in place")
                .containsKey("aws_s3_bucket_lifecycle_configuration.uploads");
        assertEachResourceOnce();

        assertDriftDetectedAndResolved(accepted, resources.get("aws_s3_bucket.uploads").replace("arn:aws:s3:::", ""));
        assertDestroyed(accepted, resources.get("aws_s3_bucket.uploads").replace("arn:aws:s3:::", ""));
    }

    /** Counted in the emulator by the tag every resource carries: nothing was created twice by a restart. */
    private static void assertEachResourceOnce() throws Exception {
        String byTag = "&Filter.1.Name=tag:dharma-blueprint&Filter.1.Value.1=" + NAME;
        assertThat(count(ec2("Action=DescribeVpcs" + byTag), "<vpcId>")).as("VPCs").isEqualTo(1);
        assertThat(count(ec2("Action=DescribeSubnets" + byTag), "<subnetId>")).as("subnets").isEqualTo(3);
        assertThat(count(ec2("Action=DescribeSecurityGroups" + byTag), "<groupName>")).as("security groups").isEqualTo(2);
        assertThat(count(elastiCache("Action=DescribeReplicationGroups"), "<ReplicationGroupId>" + NAME + "-cache<"))
                .as("Redis replication groups").isEqualTo(1);
        assertThat(count(ec2("Action=DescribeInstances" + byTag
                + "&Filter.2.Name=instance-state-name&Filter.2.Value.1=running"), "<instanceId>")).as("instances").isEqualTo(2);
    }

    private static void assertDriftDetectedAndResolved(PlatformApi.Accepted accepted, String bucket) throws Exception {
        putVersioning(bucket, "Suspended");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            api.post("/api/v1/drift/observe?blueprintId=" + accepted.blueprintId(), "");
            assertThat(api.get("/api/v1/drift").body()).contains("aws_s3_bucket_versioning.uploads").contains("Suspended");
        });
        putVersioning(bucket, "Enabled");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            api.post("/api/v1/drift/observe?blueprintId=" + accepted.blueprintId(), "");
            assertThat(PlatformApi.json(api.get("/api/v1/drift").body()).path("items")).as("nothing drifted any more").isEmpty();
        });
    }

    /** A destroy plan, applied: the bucket and the VPC are gone. */
    private static void assertDestroyed(PlatformApi.Accepted accepted, String bucket) throws Exception {
        assertThat(api.post("/api/v1/blueprints/" + accepted.blueprintId() + "/destroy", "{}").statusCode()).isEqualTo(202);
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(
                () -> PlatformApi.json(api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/status").body())
                        .toString().contains("DESTROYED"));
        assertThat(s3(bucket)).contains("NoSuchBucket");
        assertThat(count(ec2("Action=DescribeVpcs&Filter.1.Name=tag:dharma-blueprint&Filter.1.Value.1=" + NAME), "<vpcId>"))
                .isZero();
        assertThat(count(elastiCache("Action=DescribeReplicationGroups"), "<ReplicationGroupId>" + NAME + "-cache<")).isZero();
    }

    private static JsonNode tracking(PlatformApi.Accepted accepted) throws Exception {
        return PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body());
    }

    /** The deployment view's resources: address to cloud id. */
    private static Map<String, String> deployed(String deploymentId) throws Exception {
        JsonNode deployment = PlatformApi.json(api.get("/api/v1/deployments/" + deploymentId).body());
        Map<String, String> resources = new java.util.TreeMap<>();
        for (JsonNode resource : deployment.path("resources")) {
            resources.put(resource.path("address").asString(), resource.path("providerId").asString());
        }
        return resources;
    }

    private static int count(String text, String element) {
        Matcher matcher = Pattern.compile(Pattern.quote(element)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static String ec2(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(awsEndpoint + "/?" + query + "&Version=2016-11-15"))
                .header("Authorization", authorization("ec2")).GET()).body();
    }

    private static String elastiCache(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(awsEndpoint + "/?" + query + "&Version=2015-02-02"))
                .header("Authorization", authorization("elasticache")).GET()).body();
    }

    private static String s3(String bucket) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(awsEndpoint + "/" + bucket)).header("Authorization", authorization("s3")).GET()).body();
    }

    private static void putVersioning(String bucket, String status) throws Exception {
        String body = "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>" + status
                + "</Status></VersioningConfiguration>";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(awsEndpoint + "/" + bucket + "?versioning"))
                .header("Authorization", authorization("s3"))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** moto reads the region and service from the credential scope and does not check the signature. */
    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/" + service + "/aws4_request, SignedHeaders=host, Signature=test";
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
