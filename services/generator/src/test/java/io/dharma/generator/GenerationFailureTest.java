package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.BlueprintSpec;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.validation.DocumentFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Blueprints that are valid but that a cloud cannot express as written give a failure naming
 * each resource at fault and how to fix it, never a half-generated configuration.
 */
class GenerationFailureTest {

    private static final TerraformGenerator GENERATOR = new TerraformGenerator();

    @Test
    void redisSevenOnAzureAsksForRedisSix() {
        assertThat(problems(Cloud.AZURE, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: cache, type: cache.redis, properties: { subnet: app } }
                """))
                .containsExactly(GenerationProblem.of("cache", "Azure Cache for Redis offers Redis 6 only; set version: \"6\""));
    }

    @Test
    void highAvailabilityOnABurstableAzureServerAsksForALargerSize() {
        assertThat(problems(Cloud.AZURE, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: db, type: database.postgres, properties: { subnet: app, highAvailability: true } }
                """))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.resourceName()).contains("db");
                    assertThat(problem.message()).contains("General Purpose").contains("B_Standard_B1ms");
                });
    }

    @Test
    void everyProblemOfABlueprintIsReportedNotJustTheFirst() {
        assertThat(problems(Cloud.AZURE, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: cache, type: cache.redis, properties: { subnet: app } }
                - { name: apex, type: dns.record, properties: { zone: example.com, name: "@", type: CNAME, values: [a.example.net] } }
                - { name: files, type: storage.bucket, properties: { lifecycle: { archiveAfterDays: 30, expireAfterDays: 30 } } }
                """))
                .extracting(problem -> problem.resourceName().orElseThrow())
                .containsExactly("cache", "apex", "files");
    }

    @Test
    void aCnameAtTheZoneApexIsRefusedOnEveryCloud() {
        for (Cloud cloud : Cloud.values()) {
            assertThat(problems(cloud, """
                    - { name: apex, type: dns.record, properties: { zone: example.com, name: "@", type: CNAME, values: [a.example.net] } }
                    """))
                    .as(cloud.id())
                    .containsExactly(GenerationProblem.of("apex",
                            "a CNAME record cannot be at the zone apex (@); use an A record or a subdomain"));
        }
    }

    @Test
    void objectsCannotBeArchivedAfterTheyExpire() {
        assertThat(problems(Cloud.GCP, """
                - { name: files, type: storage.bucket, properties: { lifecycle: { archiveAfterDays: 400, expireAfterDays: 365 } } }
                """))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("archiveAfterDays (400) must be less than expireAfterDays (365)"));
    }

    @Test
    void aPassthroughBalancerOnGcpCannotTranslatePorts() {
        assertThat(problems(Cloud.GCP, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: lb, type: loadbalancer, properties: { subnets: [app], listeners: [{ port: 443, protocol: https, targetPort: 8443 }] } }
                """))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("cannot map port 443 to targetPort 8443"));
    }

    @Test
    void aCnameCannotPointAtAGcpLoadBalancer() {
        assertThat(problems(Cloud.GCP, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: lb, type: loadbalancer, properties: { subnets: [app], listeners: [{ port: 80, protocol: http }] } }
                - { name: www, type: dns.record, properties: { zone: example.com, name: www, type: CNAME, target: lb } }
                """))
                .extracting(GenerationProblem::resourceName)
                .containsExactly(Optional.of("www"));
    }

    @Test
    void twoFirewallsCannotShareAnAzureSubnet() {
        assertThat(problems(Cloud.AZURE, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: first, type: firewall, properties: { network: main } }
                - { name: second, type: firewall, properties: { network: main } }
                """))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.resourceName()).contains("second");
                    assertThat(problem.message()).contains("firewall 'first' already applies to subnet app");
                });
    }

    @Test
    void aWindowsDiskSmallerThanTheImageIsRefused() {
        assertThat(problems(Cloud.AZURE, """
                - { name: main, type: network }
                - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                - { name: win, type: compute.instance, properties: { image: windows-2022, subnet: app } }
                """))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at least 127 GB"));
    }

    @Test
    void tagsThatCollideAsGcpLabelsAreReported() {
        Blueprint blueprint = TestBlueprints.parse("""
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: collide
                  environment: dev
                  tags: { Team: a, team: b }
                spec: { cloud: gcp, region: europe-west4, approval: auto, resources: [] }
                """, DocumentFormat.YAML);

        GenerationResult.Failed failed = (GenerationResult.Failed) GENERATOR.generate(blueprint);

        assertThat(failed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.resourceName()).isEmpty();
            assertThat(problem.message()).contains("'Team' and 'team' both become label 'team'");
        });
    }

    @Test
    void aResourceTypeOutsideTheCatalogueIsReportedNotThrown() {
        Blueprint valid = TestBlueprints.parse(blueprint(Cloud.AWS, "- { name: main, type: network }\n"), DocumentFormat.YAML);
        List<ResourceSpec> resources = new ArrayList<>(valid.spec().resources());
        resources.add(new ResourceSpec("queue", "messaging.queue", Map.of(), List.of()));
        BlueprintSpec spec = valid.spec();
        Blueprint future = new Blueprint(valid.metadata(),
                new BlueprintSpec(spec.cloud(), spec.region(), spec.budget(), spec.approval(), resources));

        GenerationResult.Failed failed = (GenerationResult.Failed) GENERATOR.generate(future);

        assertThat(failed.reason()).isEqualTo("Terraform for aws cannot be generated: 1 problem");
        assertThat(failed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.resourceName()).contains("queue");
            assertThat(problem.message()).startsWith("resource type 'messaging.queue' is not in catalogue v1");
        });
    }

    private static List<GenerationProblem> problems(Cloud cloud, String resources) {
        GenerationResult result = GENERATOR.generate(TestBlueprints.parse(blueprint(cloud, resources), DocumentFormat.YAML));
        assertThat(result).isInstanceOf(GenerationResult.Failed.class);
        return ((GenerationResult.Failed) result).problems();
    }

    private static String blueprint(Cloud cloud, String resources) {
        return """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata: { name: failing, environment: dev }
                spec:
                  cloud: %s
                  region: %s
                  approval: auto
                  resources:
                %s""".formatted(cloud.id(), TestBlueprints.REGIONS.get(cloud), resources.indent(4));
    }
}
