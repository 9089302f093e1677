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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * `./dharma up --aws-emulator` for real: the AWS example is deployed by Terraform (the generator's
 * files, the hashicorp/aws provider from the machine's mirror) into moto, drift made with the S3
 * API behind the platform's back is detected and resolved, and the destroy removes it all. Skipped,
 * saying what is missing, where terraform, the provider mirror or moto_server is not installed.
 */
class TerraformDeploymentEndToEndTest {

    private static final Duration DEPLOY_PATIENCE = Duration.ofMinutes(6);

    private static RunningPlatform platform;
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
        platform = PlatformLauncher.start(EmbeddedSettings.ephemeral(Files.createTempDirectory("dharma-terraform-e2e"))
                .withAws(new EmbeddedSettings.Aws(null, true, 0)));
        api = new PlatformApi(platform.apiUrl(), "team-terraform");
        JsonNode executors = PlatformApi.json(api.get("/actuator/health").body()).path("components").path("executors").path("details");
        awsEndpoint = executors.path("executors").path("terraform").path("awsEndpoint").asString();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theAwsExampleIsDeployedByTerraformWatchedForDriftAndDestroyed() throws Exception {
        assertThat(platform.deployments()).startsWith("aws: terraform (AWS API http://127.0.0.1:").contains("azure: sandbox");
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app-emulator.yaml", "shop-web-tf");

        JsonNode tracking = await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(
                () -> PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body()),
                view -> Set.of("SUCCEEDED", "FAILED").contains(view.path("status").asString()));
        assertThat(tracking.path("status").asString()).as(tracking.toString()).isEqualTo("SUCCEEDED");

        String deploymentId = tracking.path("deploymentId").asString();
        JsonNode deployment = PlatformApi.json(api.get("/api/v1/deployments/" + deploymentId).body());
        Set<String> deployed = new TreeSet<>();
        String bucket = null;
        for (JsonNode resource : deployment.path("resources")) {
            assertThat(resource.path("providerId").asString()).as(resource.toString()).isNotBlank();
            deployed.add(resource.path("address").asString());
            if (resource.path("address").asString().equals("aws_s3_bucket.uploads")) {
                bucket = resource.path("providerId").asString().replace("arn:aws:s3:::", "");
            }
        }
        assertThat(deployed).as("every resource of the generated Terraform, with its cloud id")
                .contains("aws_vpc.main", "aws_instance.web[0]", "aws_instance.web[1]", "aws_db_instance.db",
                        "aws_lb.web_lb", "aws_route53_record.www", "aws_s3_bucket.uploads",
                        "aws_s3_bucket_versioning.uploads")
                .hasSizeGreaterThanOrEqualTo(30);

        assertThat(ec2("Action=DescribeVpcs&Filter.1.Name=tag:dharma-blueprint&Filter.1.Value.1=shop-web-tf"))
                .as("the VPC, tagged with its blueprint").contains("<cidrBlock>10.20.0.0/16</cidrBlock>");

        // Drift: versioning suspended behind the platform's back, detected; put back, resolved.
        String uploads = bucket;
        putVersioning(uploads, "Suspended");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            api.post("/api/v1/drift/observe?blueprintId=" + accepted.blueprintId(), "");
            assertThat(api.get("/api/v1/drift").body()).contains("aws_s3_bucket_versioning.uploads").contains("Suspended");
        });
        putVersioning(uploads, "Enabled");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            api.post("/api/v1/drift/observe?blueprintId=" + accepted.blueprintId(), "");
            // moto reports an instance's root volume tags as {} where the apply left null: that drift
            // (aws_instance.web[*]) is moto's, and left for the next session; the bucket's is resolved.
            assertThat(api.get("/api/v1/drift").body()).doesNotContain("aws_s3_bucket_versioning.uploads");
        });

        // Destroy: a destroy plan, applied; the bucket and the VPC are gone.
        assertThat(api.post("/api/v1/blueprints/" + accepted.blueprintId() + "/destroy", "{}").statusCode()).isEqualTo(202);
        await().atMost(DEPLOY_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(
                () -> PlatformApi.json(api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/status").body())
                        .toString().contains("DESTROYED"));
        assertThat(s3(uploads)).contains("NoSuchBucket");
        assertThat(ec2("Action=DescribeVpcs&Filter.1.Name=tag:dharma-blueprint&Filter.1.Value.1=shop-web-tf"))
                .doesNotContain("<cidrBlock>10.20.0.0/16</cidrBlock>");
    }

    private static String ec2(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(awsEndpoint + "/?" + query + "&Version=2016-11-15"))
                .header("Authorization", authorization("ec2")).GET()).body();
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
