package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.generator.GeneratedFile;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.TerraformConfiguration;
import io.dharma.generator.TerraformGenerator;
import io.dharma.terraform.emulator.AwsEmulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS emulator answers the data sources of the Terraform the generator makes of every shipped
 * AWS example (examples/*.yaml), asked the way the AWS provider asks: EC2's query API for
 * {@code aws_ami}, Route53's REST API for {@code aws_route53_zone}; and Terraform applies and
 * destroys what moto 5.2 alone cannot serve (an ElastiCache replication group).
 */
class AwsEmulatorTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path PLUGIN_MIRROR = Path.of("/opt/tf-plugins");
    private static final Duration TERRAFORM_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;
    private static AwsEmulator emulator;
    private static List<Lookups> examples;

    /** What one example's Terraform looks up: its region, its {@code aws_ami} and {@code aws_route53_zone} data sources. */
    private record Lookups(String example, String region, List<JsonNode> amis, List<String> zones) {
    }

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(AwsEmulator.onPath(AwsEmulator.COMMAND),
                "moto_server is not on the PATH (pip install 'moto[server]'), so the AWS emulator is not tested");
        examples = awsExampleLookups();
        emulator = AwsEmulator.start(home.resolve("shared"), 0);
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theShippedExamplesLookUpImagesAndZones() {
        assertThat(examples).extracting(Lookups::example).contains("aws-web-app", "aws-prod-api", "insecure-demo");
        assertThat(examples).flatExtracting(Lookups::amis).isNotEmpty();
        assertThat(examples).flatExtracting(Lookups::zones).isNotEmpty();
    }

    @Test
    void everyImageTheAwsExamplesLookUpIsFoundInTheirRegion() throws Exception {
        for (Lookups example : examples) {
            for (JsonNode ami : example.amis()) {
                String body = send(describeImages(example.region(), ami));

                assertThat(body).as("%s: aws_ami %s in %s", example.example(), ami, example.region())
                        .contains("<imageId>ami-");
            }
        }
    }

    @Test
    void everyZoneTheAwsExamplesNameIsAPublicHostedZone() throws Exception {
        String zones = send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/2013-04-01/hostedzone"))
                .header("Authorization", scope("route53", "us-east-1")).GET());

        for (Lookups example : examples) {
            for (String zone : example.zones()) {
                assertThat(Stream.of(zones.split("<HostedZone>"))
                        .filter(hostedZone -> hostedZone.contains("<Name>" + zone + ".</Name>")))
                        .as(example.example() + ": aws_route53_zone " + zone)
                        .singleElement(InstanceOfAssertFactories.STRING)
                        .contains("<PrivateZone>false</PrivateZone>");
            }
        }
    }

    @Test
    void closeLeavesNoMotoProcessBehind() throws Exception {
        AwsEmulator own = AwsEmulator.start(home.resolve("own"), 0);
        String port = own.endpoint().substring(own.endpoint().lastIndexOf(':') + 1);
        assertThat(motoProcessesOn(port)).isNotEmpty();

        own.close();

        assertThat(motoProcessesOn(port)).isEmpty();
        assertThatThrownBy(() -> send(HttpRequest.newBuilder(URI.create(own.endpoint() + "/moto-api/")).GET()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortIsRefusedRatherThanSeedingWhateverListensThere() {
        int taken = Integer.parseInt(emulator.endpoint().substring(emulator.endpoint().lastIndexOf(':') + 1));

        assertThatThrownBy(() -> AwsEmulator.start(home.resolve("taken"), taken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in use");
    }

    /** What `./dharma up --aws-emulator` finds after a kill -9: the emulator it left, with its resources, is used. */
    @Test
    void anEmulatorLeftRunningWithTheSameHomeIsUsedAndStoppedOnClose() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AwsEmulator left = AwsEmulator.start(home.resolve("left"), port);
        try (AwsEmulator other = AwsEmulator.start(home.resolve("elsewhere"), 0)) {
            assertThat(other.endpoint()).as("another home starts its own").isNotEqualTo(left.endpoint());
        }

        AwsEmulator adopted = AwsEmulator.start(home.resolve("left"), port);
        assertThat(adopted.endpoint()).isEqualTo(left.endpoint());
        assertThat(motoProcessesOn(String.valueOf(port))).hasSize(1);

        adopted.close();
        assertThat(motoProcessesOn(String.valueOf(port))).isEmpty();
    }

    /**
     * The Redis cache of aws-web-app (its replication group, subnet group, security group, subnet
     * and VPC), applied from the generated files with the provider from the machine's mirror, then
     * destroyed. moto 5.2 alone fails both ways: the provider's read after create finds no member
     * cluster (CacheClusterNotFound), the group is never deleted and DeleteCacheSubnetGroup is not
     * implemented; AwsEmulator's sitecustomize.py fills these gaps. The provider waits 30 s before
     * its first look at a created and at a deleted group, so this takes a good minute and a half.
     */
    @Test
    void terraformAppliesAndDestroysTheWebAppsRedisCache() throws Exception {
        assumeTrue(AwsEmulator.onPath("terraform") && Files.isDirectory(PLUGIN_MIRROR.resolve("registry.terraform.io/hashicorp/aws")),
                "terraform or the hashicorp/aws provider mirror (" + PLUGIN_MIRROR + ") is missing, so no Terraform runs against the emulator");
        Path workDir = home.resolve("terraform");
        Path config = Files.createDirectories(workDir.resolve("config"));
        for (GeneratedFile file : generated("aws-web-app").files()) {
            if (file.path().startsWith(TerraformGenerator.HCL_FOLDER)) {
                Files.writeString(config.resolve(file.path().substring(TerraformGenerator.HCL_FOLDER.length())), file.content());
            }
        }
        Files.writeString(config.resolve("emulator_override.tf"), """
                provider "aws" {
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  endpoints {
                    ec2         = "%1$s"
                    elasticache = "%1$s"
                    route53     = "%1$s"
                    sts         = "%1$s"
                  }
                }
                """.formatted(emulator.endpoint()));
        Path cliConfig = workDir.resolve("terraformrc");
        Files.writeString(cliConfig, """
                plugin_cache_dir = "%s"
                provider_installation {
                  filesystem_mirror {
                    path = "%s"
                  }
                }
                """.formatted(Files.createDirectories(workDir.resolve("plugin-cache")), PLUGIN_MIRROR));
        String group = "shop-web-dev-cache";

        terraform(workDir, cliConfig, "init", "-input=false", "-no-color");
        assertThat(terraform(workDir, cliConfig, "apply", "-auto-approve", "-input=false", "-no-color",
                "-target=aws_elasticache_replication_group.cache"))
                .contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed.");

        assertThat(send(elastiCache("DescribeReplicationGroups&ReplicationGroupId=" + group)))
                .contains("<Status>available</Status>", "<ClusterId>" + group + "-001</ClusterId>");
        assertThat(send(elastiCache("DescribeCacheClusters&ShowCacheNodeInfo=true&CacheClusterId=" + group + "-001")))
                .contains("<CacheClusterStatus>available</CacheClusterStatus>", "<ReplicationGroupId>" + group + "</ReplicationGroupId>",
                        "<CacheNodeType>cache.t3.small</CacheNodeType>", "<AtRestEncryptionEnabled>true</AtRestEncryptionEnabled>",
                        "<CacheNodeStatus>available</CacheNodeStatus>", "<CacheSubnetGroupName>" + group + "</CacheSubnetGroupName>");
        // What the provider reads back is what it applied: a plan finds nothing to change (exit status 0, not 2).
        terraform(workDir, cliConfig, "plan", "-detailed-exitcode", "-input=false", "-no-color",
                "-target=aws_elasticache_replication_group.cache");

        assertThat(terraform(workDir, cliConfig, "destroy", "-auto-approve", "-input=false", "-no-color"))
                .contains("Destroy complete! Resources: 5 destroyed.");
        assertThat(terraform(workDir, cliConfig, "state", "list", "-no-color")).isBlank();
        HttpResponse<String> gone = HTTP.send(elastiCache("DescribeReplicationGroups&ReplicationGroupId=" + group).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("ReplicationGroupNotFoundFault");
        assertThat(send(elastiCache("DescribeCacheClusters"))).doesNotContain(group);
        assertThat(send(elastiCache("DescribeCacheSubnetGroups"))).doesNotContain(group);
    }

    /** Runs terraform in {@code workDir}/config offline, its output in a log beside; returns the output, fails on a non-zero exit. */
    private static String terraform(Path workDir, Path cliConfig, String... arguments) throws Exception {
        Path log = workDir.resolve("terraform-" + arguments[0] + ".log");
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.resolve("config").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_"));
        environment.putAll(Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(), "HOME", workDir.toString(),
                "TF_IN_AUTOMATION", "1", "CHECKPOINT_DISABLE", "1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        Instant started = Instant.now();
        Process process = builder.start();
        if (!process.waitFor(TERRAFORM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(process.isAlive() ? -1 : process.exitValue())
                .as("terraform %s (%s s, -1: timed out); see %s:%n%s", String.join(" ", arguments),
                        Duration.between(started, Instant.now()).toSeconds(), log, output)
                .isZero();
        return output;
    }

    /** An ElastiCache query API request (moto routes it by the credential scope). */
    private static HttpRequest.Builder elastiCache(String actionAndParameters) {
        return HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/?Version=2015-02-02&Action=" + actionAndParameters))
                .header("Authorization", scope("elasticache", "eu-west-1")).GET();
    }

    /** DescribeImages as the provider sends it for an {@code aws_ami} data source: owners and filters. */
    private static HttpRequest.Builder describeImages(String region, JsonNode ami) {
        StringBuilder query = new StringBuilder("Action=DescribeImages&Version=2016-11-15");
        int owner = 1;
        for (JsonNode id : ami.path("owners")) {
            query.append("&Owner.").append(owner++).append('=').append(encode(id.asString()));
        }
        int filter = 1;
        for (JsonNode each : ami.path("filter")) {
            query.append("&Filter.").append(filter).append(".Name=").append(encode(each.path("name").asString()));
            int value = 1;
            for (JsonNode text : each.path("values")) {
                query.append("&Filter.").append(filter).append(".Value.").append(value++).append('=')
                        .append(encode(text.asString()));
            }
            filter++;
        }
        return HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/?" + query))
                .header("Authorization", scope("ec2", region)).GET();
    }

    /** The data sources of each AWS example's generated Terraform (its JSON syntax, to read them without an HCL parser). */
    private static List<Lookups> awsExampleLookups() throws IOException {
        BlueprintValidator validator = new BlueprintValidator();
        TerraformGenerator generator = new TerraformGenerator();
        List<Lookups> lookups = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                ValidationResult.Valid valid = (ValidationResult.Valid) validator.validate(Files.readString(file), DocumentFormat.YAML);
                Blueprint blueprint = valid.blueprint();
                if (blueprint.spec().cloud() != Cloud.AWS) {
                    continue;
                }
                GenerationResult.Generated generated = (GenerationResult.Generated) generator.generate(blueprint);
                JsonNode data = JsonMapper.shared().readTree(
                        generated.configuration().file(TerraformGenerator.JSON_FOLDER + "main.tf.json").orElseThrow().content())
                        .path("data");
                List<JsonNode> amis = new ArrayList<>();
                data.path("aws_ami").forEach(amis::add);
                List<String> zones = new ArrayList<>();
                data.path("aws_route53_zone").forEach(zone -> zones.add(zone.path("name").asString()));
                lookups.add(new Lookups(file.getFileName().toString().replace(".yaml", ""),
                        blueprint.spec().region(), amis, zones));
            }
        }
        return lookups;
    }

    /** The generated Terraform of examples/{@code example}.yaml. */
    private static TerraformConfiguration generated(String example) throws IOException {
        ValidationResult.Valid valid = (ValidationResult.Valid) new BlueprintValidator()
                .validate(Files.readString(EXAMPLES.resolve(example + ".yaml")), DocumentFormat.YAML);
        return ((GenerationResult.Generated) new TerraformGenerator().generate(valid.blueprint())).configuration();
    }

    private static List<ProcessHandle> motoProcessesOn(String port) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .filter(line -> line.contains(AwsEmulator.COMMAND) && line.contains(" -p " + port))
                        .isPresent())
                .toList();
    }

    /** moto routes a request by the service and region of the Authorization header's credential scope. */
    private static String scope(String service, String region) {
        return "AWS4-HMAC-SHA256 Credential=test/20250101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host, Signature=unsigned";
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
