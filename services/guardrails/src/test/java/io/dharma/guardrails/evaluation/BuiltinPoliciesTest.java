package io.dharma.guardrails.evaluation;

import static io.dharma.guardrails.TestBlueprints.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.TestBlueprints;
import io.dharma.guardrails.cel.CompiledPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in policy against blueprints that comply and blueprints that do not, one policy at
 * a time, as of {@link GuardrailsFixture#NOW} unless a case says otherwise.
 */
class BuiltinPoliciesTest {

    /**
     * One case: evaluating {@code policyId} alone on {@code blueprint} yields violations for exactly
     * {@code violating} (resource names; "" for the blueprint itself), and, for a violation, a message containing
     * {@code messagePart}.
     */
    record Case(String policyId, String description, TestBlueprints blueprint, List<String> violating,
            String messagePart, Instant now) {

        @Override
        public String toString() {
            return policyId + ": " + description;
        }
    }

    static Case passes(String policyId, String description, TestBlueprints blueprint) {
        return new Case(policyId, description, blueprint, List.of(), "", GuardrailsFixture.NOW);
    }

    static Case fails(String policyId, String description, TestBlueprints blueprint, String violating, String messagePart) {
        return new Case(policyId, description, blueprint, List.of(violating), messagePart, GuardrailsFixture.NOW);
    }

    static Case at(Instant now, Case base) {
        return new Case(base.policyId(), base.description() + " (as of " + now + ")", base.blueprint(), base.violating(),
                base.messagePart(), now);
    }

    static Stream<Case> cases() {
        return Stream.of(
                passes("blueprint.required-tags", "owner and cost-center present", TestBlueprints.dev()),
                fails("blueprint.required-tags", "no tags at all", TestBlueprints.dev().tags("{}"),
                        "", "lacks the required tags: owner, cost-center"),
                fails("blueprint.required-tags", "cost-center missing", TestBlueprints.dev().tags("{owner: team-a, app: shop}"),
                        "", "required tags: cost-center"),
                fails("blueprint.required-tags", "owner blank", TestBlueprints.dev().tags("{owner: ' ', cost-center: cc-1}"),
                        "", "required tags: owner"),

                passes("blueprint.region-allowed", "aws us-east-1", TestBlueprints.dev()),
                passes("blueprint.region-allowed", "gcp europe-west4", TestBlueprints.dev().region("gcp", "europe-west4")),
                fails("blueprint.region-allowed", "aws ap-southeast-1", TestBlueprints.dev().region("aws", "ap-southeast-1"),
                        "", "region ap-southeast-1 is not allowed on aws; allowed: us-east-1, "),
                fails("blueprint.region-allowed", "azure japaneast", TestBlueprints.dev().region("azure", "japaneast"),
                        "", "not allowed on azure"),

                passes("network.no-admin-ports-from-internet", "HTTPS from anywhere", firewall(
                        "{protocol: tcp, ports: [443], cidrs: [0.0.0.0/0, '::/0']}")),
                passes("network.no-admin-ports-from-internet", "SSH from the VPN range", firewall(
                        "{protocol: tcp, ports: [22], cidrs: [10.0.0.0/8]}")),
                passes("network.no-admin-ports-from-internet", "ICMP from anywhere", firewall(
                        "{protocol: icmp, cidrs: [0.0.0.0/0]}")),
                passes("network.no-admin-ports-from-internet", "a range that stops below SSH", firewall(
                        "{protocol: tcp, portRange: {from: 1, to: 21}, cidrs: [0.0.0.0/0]}")),
                passes("network.no-admin-ports-from-internet", "no ingress rules", TestBlueprints.dev().resources(
                        NETWORK + "- {name: fw, type: firewall, properties: {network: net}}")),
                fails("network.no-admin-ports-from-internet", "SSH from 0.0.0.0/0", firewall(
                        "{protocol: tcp, ports: [22, 443], cidrs: [0.0.0.0/0]}"), "fw", "allows port(s) 22 from the whole internet"),
                fails("network.no-admin-ports-from-internet", "RDP from ::/0", firewall(
                        "{protocol: tcp, ports: [3389], cidrs: ['2001:db8::/32', '::/0']}"), "fw", "port(s) 3389 "),
                fails("network.no-admin-ports-from-internet", "a port range covering MySQL and RDP", firewall(
                        "{protocol: tcp, portRange: {from: 3000, to: 3400}, cidrs: [0.0.0.0/0]}"), "fw", "port(s) 3389, 3306 "),
                fails("network.no-admin-ports-from-internet", "every protocol from anywhere", firewall(
                        "{protocol: all, cidrs: [0.0.0.0/0]}"), "fw", "port(s) 22, 3389, 5432, 3306, 1433, 6379, 27017 "),
                fails("network.no-admin-ports-from-internet", "Redis over udp from any /0 range", firewall(
                        "{protocol: udp, ports: [6379], cidrs: [192.0.2.0/0]}"), "fw", "port(s) 6379 "),

                passes("data.encryption-at-rest", "bucket and database by default", TestBlueprints.dev().resources(NETWORK + """
                        - {name: files, type: storage.bucket}
                        - {name: db, type: database.postgres, properties: {subnet: sub}}
                        """)),
                fails("data.encryption-at-rest", "unencrypted bucket", TestBlueprints.dev().resources(
                        "- {name: files, type: storage.bucket, properties: {encrypted: false}}"), "files",
                        "storage.bucket files is not encrypted at rest"),
                fails("data.encryption-at-rest", "unencrypted MySQL", TestBlueprints.dev().resources(NETWORK
                        + "- {name: db, type: database.mysql, properties: {subnet: sub, encrypted: false}}"), "db",
                        "database.mysql db is not encrypted"),

                passes("storage.no-public-buckets", "private by default", TestBlueprints.dev().resources(
                        "- {name: files, type: storage.bucket}")),
                fails("storage.no-public-buckets", "public read", TestBlueprints.dev().resources(
                        "- {name: files, type: storage.bucket, properties: {publicAccess: true}}"), "files",
                        "Bucket files can be read by anyone"),

                passes("storage.versioning", "versioned", TestBlueprints.dev().resources(
                        "- {name: files, type: storage.bucket, properties: {versioning: true}}")),
                fails("storage.versioning", "unversioned by default", TestBlueprints.dev().resources(
                        "- {name: files, type: storage.bucket}"), "files", "does not keep previous versions"),

                passes("database.prod-backup-retention", "prod with the default 7 days", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub, highAvailability: true}}")),
                passes("database.prod-backup-retention", "dev with 1 day", TestBlueprints.dev().resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub, backupRetentionDays: 1}}")),
                fails("database.prod-backup-retention", "prod PostgreSQL with 3 days", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub, backupRetentionDays: 3}}"), "db",
                        "keeps backups for 3 day(s); at least 7 are required"),
                fails("database.prod-backup-retention", "prod MySQL without backups", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.mysql, properties: {subnet: sub, backupRetentionDays: 0}}"), "db",
                        "for 0 day(s)"),

                passes("database.prod-high-availability", "prod with a standby", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.mysql, properties: {subnet: sub, highAvailability: true}}")),
                passes("database.prod-high-availability", "staging without one", TestBlueprints.in("staging").resources(NETWORK
                        + "- {name: db, type: database.mysql, properties: {subnet: sub}}")),
                fails("database.prod-high-availability", "prod without one (the default)", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub}}"), "db", "has no standby"),

                passes("database.backups-enabled", "default retention", TestBlueprints.dev().resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub}}")),
                fails("database.backups-enabled", "backups off", TestBlueprints.dev().resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub, backupRetentionDays: 0}}"), "db",
                        "automated backups turned off"),

                passes("compute.size-ceiling", "medium instance and default-size database in dev", TestBlueprints.dev().resources(NETWORK + """
                        - {name: vm, type: compute.instance, properties: {subnet: sub, image: debian-12, size: medium}}
                        - {name: db, type: database.postgres, properties: {subnet: sub}}
                        """)),
                passes("compute.size-ceiling", "xlarge database in prod", TestBlueprints.in("prod").resources(NETWORK
                        + "- {name: db, type: database.postgres, properties: {subnet: sub, size: xlarge}}")),
                fails("compute.size-ceiling", "large instance in dev", TestBlueprints.dev().resources(NETWORK
                        + "- {name: vm, type: compute.instance, properties: {subnet: sub, image: debian-12, size: large}}"), "vm",
                        "compute.instance vm is large, above the dev ceiling of medium"),
                fails("compute.size-ceiling", "xlarge database in staging", TestBlueprints.in("staging").resources(NETWORK
                        + "- {name: db, type: database.mysql, properties: {subnet: sub, size: xlarge}}"), "db",
                        "above the staging ceiling of large"),
                fails("compute.size-ceiling", "large cache in dev", TestBlueprints.dev().resources(NETWORK
                        + "- {name: cache, type: cache.redis, properties: {subnet: sub, size: large}}"), "cache",
                        "cache.redis cache is large"),

                passes("compute.no-public-ip", "private by default", TestBlueprints.dev().resources(NETWORK
                        + "- {name: vm, type: compute.instance, properties: {subnet: sub, image: rhel-9}}")),
                fails("compute.no-public-ip", "public IP", TestBlueprints.dev().resources(NETWORK
                        + "- {name: vm, type: compute.instance, properties: {subnet: sub, image: rhel-9, publicIp: true}}"), "vm",
                        "Instance vm has a public IP address"),

                passes("kubernetes.node-size-ceiling", "default medium nodes in dev", cluster("1.35", "")),
                fails("kubernetes.node-size-ceiling", "large nodes in dev", cluster("1.35", ", nodeSize: large"), "k8s",
                        "cluster k8s has large nodes, above the dev ceiling of medium"),

                passes("kubernetes.version-supported", "1.35, supported until 2027-02-28", cluster("1.35", "")),
                passes("kubernetes.version-supported", "a version newer than the table", cluster("1.40", "")),
                fails("kubernetes.version-supported", "1.30, end of life 2025-06-28", cluster("1.30", ""), "k8s",
                        "Kubernetes 1.30 (cluster k8s) reached end of life on 2025-06-28"),
                fails("kubernetes.version-supported", "1.20, older than the table", cluster("1.20", ""), "k8s",
                        "Kubernetes 1.20 (cluster k8s) reached end of life"),
                at(Instant.parse("2026-02-27T23:59:59Z"), passes("kubernetes.version-supported", "1.32 on its last day",
                        cluster("1.32", ""))),
                at(Instant.parse("2026-02-28T00:00:00Z"), fails("kubernetes.version-supported", "1.32 on its end-of-life day",
                        cluster("1.32", ""), "k8s", "reached end of life on 2026-02-28")),

                passes("kubernetes.version-nearing-end-of-life", "1.35, 95 days before its end of life", cluster("1.35", "")),
                passes("kubernetes.version-nearing-end-of-life", "1.30, past end of life (the blocking policy reports it)",
                        cluster("1.30", "")),
                at(Instant.parse("2027-01-15T00:00:00Z"), fails("kubernetes.version-nearing-end-of-life",
                        "1.35, 44 days before its end of life", cluster("1.35", ""), "k8s", "reaches end of life on 2027-02-28")),

                passes("loadbalancer.public-https-only", "public HTTPS", loadBalancer("true", "https")),
                passes("loadbalancer.public-https-only", "internal HTTP", loadBalancer("false", "http")),
                fails("loadbalancer.public-https-only", "public HTTP", loadBalancer("true", "http"), "lb",
                        "Internet-facing load balancer lb serves plain HTTP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builtinPolicy(Case testCase) {
        CompiledPolicy policy = GuardrailsFixture.BUILTINS.find(testCase.policyId()).orElseThrow();

        Verdict verdict = GuardrailsFixture.EVALUATOR.evaluate(testCase.blueprint().build(), List.of(policy), testCase.now());

        assertThat(verdict.violations()).extracting(v -> v.resourceName().orElse(""))
                .as("violations of %s", testCase.policyId())
                .containsExactlyElementsOf(testCase.violating());
        verdict.violations().forEach(violation -> {
            assertThat(violation.policyId()).isEqualTo(testCase.policyId());
            assertThat(violation.message()).contains(testCase.messagePart());
            assertThat(violation.message()).doesNotContain("could not be evaluated");
            assertThat(violation.enforcement()).isEqualTo(policy.policy().enforcement());
        });
    }

    @Test
    void everyBuiltinHasAPassingAndAFailingCase() {
        Set<String> passing = cases().filter(c -> c.violating().isEmpty()).map(Case::policyId).collect(Collectors.toSet());
        Set<String> failing = cases().filter(c -> !c.violating().isEmpty()).map(Case::policyId).collect(Collectors.toSet());

        List<String> builtins = GuardrailsFixture.BUILTINS.all().stream().map(p -> p.policy().id()).toList();

        assertThat(passing).containsExactlyInAnyOrderElementsOf(builtins);
        assertThat(failing).containsExactlyInAnyOrderElementsOf(builtins);
    }

    private static TestBlueprints firewall(String ingressRule) {
        return TestBlueprints.dev().resources(NETWORK + """
                - {name: fw, type: firewall, properties: {network: net, ingress: [%s], egress: [{protocol: tcp, ports: [22], cidrs: [0.0.0.0/0]}]}}
                """.formatted(ingressRule));
    }

    private static TestBlueprints cluster(String version, String moreProperties) {
        return TestBlueprints.dev().resources(NETWORK
                + "- {name: k8s, type: kubernetes.cluster, properties: {network: net, version: '" + version + "'" + moreProperties + "}}");
    }

    private static TestBlueprints loadBalancer(String isPublic, String protocol) {
        return TestBlueprints.dev().resources(NETWORK
                + "- {name: lb, type: loadbalancer, properties: {public: " + isPublic + ", subnets: [sub], listeners: [{port: 443, protocol: "
                + protocol + "}]}}");
    }
}
