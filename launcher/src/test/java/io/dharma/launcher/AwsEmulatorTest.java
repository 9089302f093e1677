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
 * {@code aws_ami}, Route53's REST API for {@code aws_route53_zone}. What moto 5.2 alone cannot serve
 * (an ElastiCache replication group) is applied and destroyed by TerraformDeploymentEndToEndTest.
 */
class AwsEmulatorTest {

    private static final Path EXAMPLES = Path.of("../examples");
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
