package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.executor.ActualResource;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.Stack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each example deploys with the ids and attributes its cloud would give it. */
class ProviderIdsTest extends SandboxIntegrationTest {

    private static final String HEX17 = "0[0-9a-f]{16}";

    @Test
    void awsResourcesHaveArns() throws Exception {
        Blueprint blueprint = Blueprints.example("aws-web-app.yaml");
        Stack stack = DesiredStates.stackOf("ids-aws", UUID.randomUUID().toString(), blueprint);

        Map<String, ActualResource> resources = deployAll(stack, blueprint);

        String account = resources.get("main").providerAttributes().get("accountId");
        assertThat(account).matches("[0-9]{12}");
        String ec2 = "arn:aws:ec2:eu-west-1:" + account + ":";
        assertThat(id(resources, "main")).matches(ec2 + "vpc/vpc-" + HEX17);
        assertThat(id(resources, "public-a")).matches(ec2 + "subnet/subnet-" + HEX17);
        assertThat(id(resources, "web-fw")).matches(ec2 + "security-group/sg-" + HEX17);
        assertThat(id(resources, "web")).matches(ec2 + "instance/i-" + HEX17);
        assertThat(id(resources, "db")).matches("arn:aws:rds:eu-west-1:" + account + ":db:db-[0-9a-f]{6}");
        assertThat(id(resources, "cache")).matches("arn:aws:elasticache:eu-west-1:" + account + ":replicationgroup:cache-[0-9a-f]{6}");
        assertThat(id(resources, "uploads")).matches("arn:aws:s3:::shop-web-dev-uploads-[0-9a-f]{6}");
        assertThat(id(resources, "web-lb")).matches("arn:aws:elasticloadbalancing:eu-west-1:" + account
                + ":loadbalancer/app/web-lb-[0-9a-f]{6}/[0-9a-f]{16}");
        assertThat(id(resources, "www")).matches("Z[0-9A-F]{20}_www\\.shop\\.example\\.com_CNAME");

        Map<String, String> web = resources.get("web").providerAttributes();
        assertThat(web.get("instanceType")).isEqualTo("t3.small");
        assertThat(web.get("instanceIds").split(",")).hasSize(2).allMatch(i -> i.matches("i-" + HEX17));
        assertThat(web.get("privateIps").split(",")).hasSize(2).allMatch(ip -> ip.startsWith("10.20.11."));
        assertThat(web.get("subnetId")).isEqualTo(resources.get("private-a").providerAttributes().get("subnetId"));
        assertThat(resources.get("public-a").providerAttributes().get("vpcId"))
                .isEqualTo(resources.get("main").providerAttributes().get("vpcId"));
        assertThat(resources.get("db").providerAttributes()).containsEntry("instanceClass", "db.t3.small")
                .containsEntry("engine", "postgres").containsEntry("port", "5432");
        assertThat(resources.get("db").providerAttributes().get("endpoint"))
                .matches("db-[0-9a-f]{6}\\.[0-9a-f]{12}\\.eu-west-1\\.rds\\.amazonaws\\.com");
        assertThat(resources.get("cache").providerAttributes()).containsEntry("nodeType", "cache.t3.small");
        String lbDns = resources.get("web-lb").providerAttributes().get("dnsName");
        assertThat(lbDns).matches("web-lb-[0-9a-f]{6}-[0-9]{10}\\.eu-west-1\\.elb\\.amazonaws\\.com");
        assertThat(resources.get("www").providerAttributes()).containsEntry("records", lbDns)
                .containsEntry("fqdn", "www.shop.example.com");
    }

    @Test
    void azureResourcesHaveResourceIds() throws Exception {
        Blueprint blueprint = Blueprints.example("azure-data-platform.yaml");
        Stack stack = DesiredStates.stackOf("ids-azure", UUID.randomUUID().toString(), blueprint);

        Map<String, ActualResource> resources = deployAll(stack, blueprint);

        String prefix = "/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                + "/resourceGroups/rg-data-platform-staging/providers/";
        assertThat(id(resources, "data-net")).matches(prefix + "Microsoft\\.Network/virtualNetworks/data-net");
        assertThat(id(resources, "workers")).matches(prefix + "Microsoft\\.Network/virtualNetworks/data-net/subnets/workers");
        assertThat(id(resources, "data-fw")).matches(prefix + "Microsoft\\.Network/networkSecurityGroups/data-fw");
        assertThat(id(resources, "ingest")).matches(prefix + "Microsoft\\.Compute/virtualMachines/ingest");
        assertThat(id(resources, "warehouse")).matches(prefix + "Microsoft\\.DBforPostgreSQL/flexibleServers/warehouse-[0-9a-f]{6}");
        assertThat(id(resources, "metadata-store")).matches(prefix + "Microsoft\\.DBforMySQL/flexibleServers/metadata-store-[0-9a-f]{6}");
        assertThat(id(resources, "landing")).matches(prefix + "Microsoft\\.Storage/storageAccounts/stlanding[0-9a-f]{8}");
        String resourceGroup = id(resources, "data-net").substring(0, id(resources, "data-net").indexOf("/providers/"));
        assertThat(resources.values()).extracting(ActualResource::providerId)
                .as("one subscription, one resource group").allMatch(id -> id.startsWith(resourceGroup + "/providers/"));

        Map<String, String> ingest = resources.get("ingest").providerAttributes();
        assertThat(ingest).containsEntry("vmSize", "Standard_B2ms").containsEntry("vmNames", "ingest,ingest-1,ingest-2");
        assertThat(ingest.get("privateIps").split(",")).hasSize(3).allMatch(ip -> ip.startsWith("10.40.1."));
        assertThat(resources.get("warehouse").providerAttributes()).containsEntry("skuName", "GP_Standard_D4s_v3");
        assertThat(resources.get("warehouse").providerAttributes().get("fqdn"))
                .matches("warehouse-[0-9a-f]{6}\\.postgres\\.database\\.azure\\.com");
        assertThat(resources.get("metadata-store").providerAttributes().get("fqdn")).endsWith(".mysql.database.azure.com");
        assertThat(resources.get("landing").providerAttributes().get("accountName")).matches("[a-z0-9]{3,24}");
    }

    @Test
    void gcpResourcesHaveSelfLinks() throws Exception {
        Blueprint blueprint = Blueprints.example("gcp-kubernetes-service.yaml");
        Stack stack = DesiredStates.stackOf("ids-gcp", UUID.randomUUID().toString(), blueprint);

        Map<String, ActualResource> resources = deployAll(stack, blueprint);

        String project = resources.get("vpc").providerAttributes().get("project");
        assertThat(project).matches("dh-ids-gcp-[0-9a-f]{6}").hasSizeBetween(6, 30);
        String compute = "https://www\\.googleapis\\.com/compute/v1/projects/" + project + "/";
        assertThat(id(resources, "vpc")).matches(compute + "global/networks/vpc-[0-9a-f]{6}");
        assertThat(id(resources, "nodes")).matches(compute + "regions/europe-west4/subnetworks/nodes-[0-9a-f]{6}");
        assertThat(id(resources, "gke")).matches("https://container\\.googleapis\\.com/v1/projects/" + project
                + "/locations/europe-west4/clusters/gke-[0-9a-f]{6}");
        assertThat(id(resources, "sessions")).matches("https://redis\\.googleapis\\.com/v1/projects/" + project
                + "/locations/europe-west4/instances/sessions-[0-9a-f]{6}");
        assertThat(id(resources, "artifacts")).matches("https://www\\.googleapis\\.com/storage/v1/b/payments-api-artifacts-[0-9a-f]{6}");
        assertThat(id(resources, "api")).matches("https://dns\\.googleapis\\.com/dns/v1/projects/" + project
                + "/managedZones/payments-example-com/rrsets/api\\.payments\\.example\\.com\\./A");

        assertThat(resources.get("nodes").providerAttributes()).containsEntry("network", id(resources, "vpc"))
                .containsEntry("gatewayAddress", "10.60.0.1");
        assertThat(resources.get("gke").providerAttributes()).containsEntry("nodeMachineType", "n2-standard-4");
        assertThat(resources.get("sessions").providerAttributes()).containsEntry("tier", "BASIC")
                .containsEntry("memorySizeGb", "3");
        assertThat(resources.get("sessions").providerAttributes().get("host")).startsWith("10.60.");
        assertThat(resources.get("api").providerAttributes()).containsEntry("rrdatas", "203.0.113.10");
    }

    @Test
    void aGcpInstanceHasAZonalSelfLinkAndADatabaseACloudSqlOne() throws Exception {
        Blueprint blueprint = Blueprints.parse("""
                apiVersion: dharma/v1
                kind: Blueprint
                metadata: {name: gcp-vm, environment: dev}
                spec:
                  cloud: gcp
                  region: us-central1
                  approval: auto
                  resources:
                    - {name: net, type: network}
                    - {name: app, type: subnet, properties: {network: net, cidr: 10.9.0.0/24}}
                    - {name: vm, type: compute.instance, properties: {image: debian-12, subnet: app, size: medium, publicIp: true}}
                    - {name: pg, type: database.postgres, properties: {subnet: app, version: "15"}}
                """);
        Stack stack = DesiredStates.stackOf("ids-gcp", UUID.randomUUID().toString(), blueprint);

        Map<String, ActualResource> resources = deployAll(stack, blueprint);

        String project = resources.get("net").providerAttributes().get("project");
        assertThat(id(resources, "vm")).matches("https://www\\.googleapis\\.com/compute/v1/projects/" + project
                + "/zones/us-central1-[bcd]/instances/vm-[0-9a-f]{6}");
        assertThat(resources.get("vm").providerAttributes()).containsEntry("machineType", "e2-medium");
        assertThat(resources.get("vm").providerAttributes().get("publicIps")).startsWith("203.0.113.");
        assertThat(resources.get("vm").providerAttributes().get("privateIps")).startsWith("10.9.0.");
        assertThat(id(resources, "pg")).matches("https://sqladmin\\.googleapis\\.com/sql/v1beta4/projects/" + project
                + "/instances/pg-[0-9a-f]{6}");
        assertThat(resources.get("pg").providerAttributes()).containsEntry("databaseVersion", "POSTGRES_15")
                .containsEntry("tier", "db-custom-1-3840");
    }

    @Test
    void idsAreDerivedFromTheStackAndNameSoTheyAreStableAndDistinct() throws Exception {
        Blueprint blueprint = Blueprints.example("aws-web-app.yaml");
        Stack first = DesiredStates.stackOf("ids-stable", UUID.randomUUID().toString(), blueprint);
        Stack second = DesiredStates.stackOf("ids-stable", UUID.randomUUID().toString(), blueprint);

        Map<String, ActualResource> one = deployAll(first, blueprint);
        Map<String, ActualResource> other = deployAll(second, blueprint);

        assertThat(byName(executor.readActualState(first))).isEqualTo(one);
        assertThat(one.get("web").providerId()).isNotEqualTo(other.get("web").providerId());
        assertThat(one.get("main").providerAttributes().get("accountId"))
                .as("one tenant, one account").isEqualTo(other.get("main").providerAttributes().get("accountId"));
    }

    private Map<String, ActualResource> deployAll(Stack stack, Blueprint blueprint) throws Exception {
        deploy(stack, DesiredStates.from(blueprint));
        List<ActualResource> actual = executor.readActualState(stack);
        assertThat(actual).hasSize(blueprint.spec().resources().size());
        return byName(actual);
    }

    private static Map<String, ActualResource> byName(List<ActualResource> resources) {
        return resources.stream().collect(Collectors.toMap(ActualResource::name, Function.identity()));
    }

    private static String id(Map<String, ActualResource> resources, String name) {
        return resources.get(name).providerId();
    }
}
