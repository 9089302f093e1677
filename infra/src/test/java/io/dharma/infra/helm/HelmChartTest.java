package io.dharma.infra.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.dharma.infra.gateway.ApiOwners;
import io.dharma.infra.gateway.NginxRoutes;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart in infra/helm/dharma, linted and rendered by Helm for the default values (with the one
 * value they lack, the database password) and for values-production.yaml, its manifests parsed
 * strictly into the Kubernetes model and checked for what running Dharma for real needs.
 */
class HelmChartTest {

    private static final String DATABASE_PASSWORD = "db-password-given-by-the-test";
    /** base64 of 32 bytes, as dharma.notifier.encryption-key wants it. */
    private static final String NOTIFIER_KEY = "bm90aWZpZXIta2V5LW9mLTMyLWJ5dGVzLWZvci10ZXM=";
    private static final Set<String> STATELESS_SERVICES = Set.of("intake", "generator", "costing", "guardrails", "orchestrator", "notifier");
    private static final Map<ValueSet, KubernetesManifests> RENDERED = new EnumMap<>(ValueSet.class);

    /** The values the chart is rendered with. */
    enum ValueSet {
        DEFAULT(Map.of("secrets.databasePassword", DATABASE_PASSWORD, "secrets.notifierEncryptionKey", NOTIFIER_KEY)),
        PRODUCTION(Map.of(), HelmChart.PRODUCTION_VALUES);

        final Map<String, String> set;
        final Path[] files;

        ValueSet(Map<String, String> set, Path... files) {
            this.set = set;
            this.files = files;
        }

        KubernetesManifests manifests() {
            return RENDERED.computeIfAbsent(this, values -> KubernetesManifests.parse(HelmChart.render(values.set, values.files)));
        }

        /** The services this value set runs: the embedded issuer only where no company IdP is configured. */
        Set<String> deployments() {
            return this == DEFAULT ? union(STATELESS_SERVICES, Set.of("identity")) : STATELESS_SERVICES;
        }
    }

    @BeforeAll
    static void helm() {
        HelmChart.requireHelm();
    }

    @Test
    void lintsWithTheDefaultValues(@TempDir Path work) {
        assertLintsClean(HelmChart.lint(HelmChart.values("secrets: {databasePassword: " + DATABASE_PASSWORD + ", notifierEncryptionKey: " + NOTIFIER_KEY + "}"), work));
    }

    @Test
    void lintsWithTheProductionValues(@TempDir Path work) {
        assertLintsClean(HelmChart.lint(HelmChart.readValues(HelmChart.PRODUCTION_VALUES), work));
    }

    @Test
    void lintReportsValuesTheSchemaRefuses(@TempDir Path work) {
        LintResult lint = HelmChart.lint(HelmChart.values("streams: {standbyReplicas: -1}"), work);

        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("standbyReplicas");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void rendersADeploymentPerServiceAndAStatefulSetForTheStreamsApplication(ValueSet values) {
        KubernetesManifests manifests = values.manifests();

        assertThat(names(manifests.all(Deployment.class))).containsExactlyInAnyOrderElementsOf(
                union(values.deployments(), Set.of("gateway")).stream().map(HelmChartTest::fullName).toList());
        assertThat(names(manifests.all(StatefulSet.class))).containsExactly(fullName("streams"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadHasStartupLivenessAndReadinessProbesOnTheActuator(ValueSet values) {
        for (Workload workload : workloads(values.manifests())) {
            Container container = workload.container();
            assertThat(container.getPorts()).as(workload.name()).anySatisfy(port -> assertThat(port.getName()).isEqualTo("http"));
            assertProbe(workload, "startup", container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(workload, "liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(workload, "readiness", container.getReadinessProbe(), "/actuator/health/readiness");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadRequestsCpuAndMemoryAndIsLimitedInMemory(ValueSet values) {
        for (Workload workload : workloads(values.manifests())) {
            var resources = workload.container().getResources();
            assertThat(resources).as(workload.name()).isNotNull();
            assertThat(resources.getRequests()).as(workload.name() + " requests").containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(workload.name() + " limits").containsKey("memory");
            assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                    .as(workload.name() + ": the memory limit is not below the request")
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get("memory")));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadRunsAsNonRootOnAReadOnlyRootWithAWritableTmp(ValueSet values) {
        for (Workload workload : workloads(values.manifests())) {
            PodSpec pod = workload.template().getSpec();
            Container container = workload.container();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload.name() + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload.name() + " runAsUser").isNotNull().isNotZero();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(workload.name() + " readOnlyRootFilesystem").isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(workload.name()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(workload.name()).contains("ALL");

            VolumeMount tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(workload.name() + " has nothing mounted at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(candidate -> candidate.getName().equals(tmp.getName()))
                    .findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as(workload.name() + ": /tmp is an emptyDir").isNotNull();
            assertThat(pod.getServiceAccountName()).isEqualTo(values.manifests().all(ServiceAccount.class).getFirst().getMetadata().getName());
            assertThat(pod.getAutomountServiceAccountToken()).as(workload.name() + " mounts no API token").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadHasAServiceAnAutoscalerAndADisruptionBudgetSelectingItsPods(ValueSet values) {
        KubernetesManifests manifests = values.manifests();
        List<Workload> workloads = workloads(manifests);
        for (Workload workload : workloads) {
            HorizontalPodAutoscaler autoscaler = manifests.named(HorizontalPodAutoscaler.class, workload.name());
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo(workload.kind());
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(workload.name());
            assertThat(autoscaler.getSpec().getMinReplicas()).as(workload.name()).isPositive();
            assertThat(autoscaler.getSpec().getMaxReplicas()).as(workload.name()).isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());
            assertThat(autoscaler.getSpec().getMetrics()).as(workload.name()).isNotEmpty();

            PodDisruptionBudget budget = manifests.named(PodDisruptionBudget.class, workload.name());
            assertThat(selectsOnly(budget.getSpec().getSelector().getMatchLabels(), workload, workloads))
                    .as(workload.name() + "'s disruption budget selects its pods and no other").isTrue();
            assertThat(budget.getSpec().getMaxUnavailable() != null || budget.getSpec().getMinAvailable() != null).isTrue();

            Service service = manifests.named(Service.class, workload.name());
            assertThat(selectsOnly(service.getSpec().getSelector(), workload, workloads)).as(workload.name() + "'s Service").isTrue();
            assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        }
    }

    @Test
    void theSecretCarriesOnlyTheValuesGivenAndNothingElseShowsThem() {
        String rendered = HelmChart.render(ValueSet.DEFAULT.set);
        List<Secret> secrets = KubernetesManifests.parse(rendered).all(Secret.class);

        assertThat(secrets).hasSize(1);
        assertThat(secrets.getFirst().getStringData()).isNullOrEmpty();
        assertThat(secrets.getFirst().getData()).containsOnlyKeys("database-password", "notifier-encryption-key");
        assertThat(decode(secrets.getFirst().getData().get("database-password"))).isEqualTo(DATABASE_PASSWORD);
        assertThat(decode(secrets.getFirst().getData().get("notifier-encryption-key"))).isEqualTo(NOTIFIER_KEY);
        assertThat(rendered).as("the password appears only base64-encoded in its Secret").doesNotContain(DATABASE_PASSWORD);
        assertThat(rendered).as("the key appears only base64-encoded in its Secret").doesNotContain(NOTIFIER_KEY);

        String adminKey = "an-admin-key-of-at-least-32-characters";
        Secret withKey = KubernetesManifests.parse(HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", NOTIFIER_KEY, "secrets.bootstrapAdminKey", adminKey))).all(Secret.class).getFirst();
        assertThat(withKey.getData()).containsOnlyKeys("database-password", "notifier-encryption-key", "bootstrap-admin-key");
        assertThat(decode(withKey.getData().get("bootstrap-admin-key"))).isEqualTo(adminKey);
    }

    @Test
    void withAnExistingSecretTheChartCreatesNoneAndReadsThatOne() {
        KubernetesManifests manifests = ValueSet.PRODUCTION.manifests();

        assertThat(manifests.all(Secret.class)).isEmpty();
        for (Workload workload : workloads(manifests)) {
            List<EnvVar> fromSecrets = workload.container().getEnv().stream()
                    .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null).toList();
            assertThat(fromSecrets).as(workload.name()).isNotEmpty().allSatisfy(variable ->
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("dharma-platform-credentials"));
        }
        assertThat(env(manifests.named(Deployment.class, fullName("intake")).getSpec().getTemplate(), "SPRING_DATASOURCE_PASSWORD")
                .getValueFrom().getSecretKeyRef().getKey()).isEqualTo("database-password");
        assertThat(env(manifests.named(Deployment.class, fullName("notifier")).getSpec().getTemplate(), "DHARMA_NOTIFIER_ENCRYPTION_KEY")
                .getValueFrom().getSecretKeyRef().getKey()).isEqualTo("notifier-encryption-key");
    }

    @Test
    void theNotifierGetsItsKeyFromTheSecretAndRelaysDecisionsToTheOrchestrator() {
        KubernetesManifests manifests = ValueSet.DEFAULT.manifests();
        PodTemplateSpec notifier = manifests.named(Deployment.class, fullName("notifier")).getSpec().getTemplate();

        EnvVar key = env(notifier, "DHARMA_NOTIFIER_ENCRYPTION_KEY");
        assertThat(key.getValue()).isNull();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo(manifests.all(Secret.class).getFirst().getMetadata().getName());
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("notifier-encryption-key");
        assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).as("it does not start without one").isNotEqualTo(Boolean.TRUE);
        assertThat(env(notifier, "SERVER_PORT").getValue()).isEqualTo("8088");
        assertThat(manifests.named(Deployment.class, fullName("intake")).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .as("only the notifier reads the key").noneMatch(variable -> variable.getName().equals("DHARMA_NOTIFIER_ENCRYPTION_KEY"));
        assertThat(manifests.named(ConfigMap.class, fullName("config")).getData())
                .containsEntry("DHARMA_NOTIFIER_ORCHESTRATOR_URL", "http://" + fullName("orchestrator") + ":8085")
                .doesNotContainKey("DHARMA_NOTIFIER_PUBLIC_URL");

        Map<String, String> withPublicUrl = KubernetesManifests.parse(HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", NOTIFIER_KEY, "notifier.publicUrl", "https://dharma.example.com")))
                .named(ConfigMap.class, fullName("config")).getData();
        assertThat(withPublicUrl).containsEntry("DHARMA_NOTIFIER_PUBLIC_URL", "https://dharma.example.com");
    }

    @Test
    void renderingWithoutANotifierKeyFailsAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD)))
                .hasMessageContaining("secrets.notifierEncryptionKey is required");
        assertThatThrownBy(() -> HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", "not-32-bytes")))
                .hasMessageContaining("notifierEncryptionKey");
    }

    @Test
    void renderingWithoutADatabasePasswordFailsAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> HelmChart.render(Map.of()))
                .hasMessageContaining("secrets.databasePassword is required");
    }

    @Test
    void renderingRefusesASettingTheSchemaDoesNotKnow() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "services.intake.resource.requests.cpu", "1")))
                .hasMessageContaining("resource");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theStreamsApplicationKeepsItsStoresOnAVolumeWithStandbysAndStableNames(ValueSet values) {
        KubernetesManifests manifests = values.manifests();
        StatefulSet streams = manifests.named(StatefulSet.class, fullName("streams"));
        PodTemplateSpec template = streams.getSpec().getTemplate();

        PersistentVolumeClaim claim = streams.getSpec().getVolumeClaimTemplates().getFirst();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage");
        String stateDir = env(template, "DHARMA_STREAMS_STATE_DIR").getValue();
        assertThat(template.getSpec().getContainers().getFirst().getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getName()).isEqualTo(claim.getMetadata().getName());
                    assertThat(mount.getMountPath()).isEqualTo(stateDir);
                });

        int standbys = Integer.parseInt(env(template, "SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS").getValue());
        assertThat(standbys).isPositive();
        assertThat(manifests.named(HorizontalPodAutoscaler.class, fullName("streams")).getSpec().getMinReplicas())
                .as("enough instances for every standby").isGreaterThan(standbys);

        Service headless = manifests.named(Service.class, streams.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector()).isEqualTo(streams.getSpec().getSelector().getMatchLabels());
        assertThat(env(template, "DHARMA_STREAMS_ADVERTISED_HOST").getValue())
                .startsWith("$(POD_NAME)." + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc.");
        assertThat(env(template, "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");

        // Spring's shutdown phase (30 s) and KafkaStreams.close (30 s) must both fit.
        assertThat(template.getSpec().getTerminationGracePeriodSeconds()).isGreaterThan(60);
    }

    @Test
    void theStandbyCountComesFromTheValues() {
        StatefulSet streams = KubernetesManifests.parse(HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", NOTIFIER_KEY, "streams.standbyReplicas", "2", "streams.autoscaling.minReplicas", "3"))).named(StatefulSet.class, fullName("streams"));

        assertThat(env(streams.getSpec().getTemplate(), "SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS").getValue()).isEqualTo("2");
    }

    @Test
    void servicesTrustTheEmbeddedIssuerByDefaultAndTheCompanyIssuerInProduction() {
        Map<String, String> byDefault = ValueSet.DEFAULT.manifests().named(ConfigMap.class, fullName("config")).getData();
        String identityUrl = "http://" + fullName("identity") + "." + HelmChart.NAMESPACE + ".svc.cluster.local:9000";
        assertThat(byDefault).containsEntry("DHARMA_SECURITY_ISSUERS_0_ISSUER_URI", identityUrl)
                .containsEntry("DHARMA_SECURITY_ISSUERS_0_JWK_SET_URI", identityUrl + "/oauth2/jwks");
        assertThat(env(ValueSet.DEFAULT.manifests().named(Deployment.class, fullName("identity")).getSpec().getTemplate(),
                "DHARMA_IDENTITY_ISSUER").getValue()).isEqualTo(identityUrl);
        assertThat(ValueSet.DEFAULT.manifests().named(Service.class, fullName("identity")).getSpec().getSessionAffinity())
                .as("the login pages' sessions live in one instance").isEqualTo("ClientIP");

        Map<String, String> production = ValueSet.PRODUCTION.manifests().named(ConfigMap.class, fullName("config")).getData();
        assertThat(production).containsEntry("DHARMA_SECURITY_ISSUERS_0_ISSUER_URI", "https://login.example.com/realms/platform")
                .doesNotContainKey("DHARMA_SECURITY_ISSUERS_1_ISSUER_URI")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("DHARMA_KAFKA_TOPICS_REPLICATION_FACTOR", "3");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void aNetworkPolicyCoversEveryPodOfTheRelease(ValueSet values) {
        KubernetesManifests manifests = values.manifests();
        NetworkPolicy policy = manifests.all(NetworkPolicy.class).getFirst();
        Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();

        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
        for (Workload workload : workloads(manifests)) {
            assertThat(workload.template().getMetadata().getLabels()).as(workload.name()).containsAllEntriesOf(selector);
        }
    }

    @Test
    void spansLeaveTheProcessOnlyWhenAnOtlpEndpointIsGiven() {
        Map<String, String> byDefault = ValueSet.DEFAULT.manifests().named(ConfigMap.class, fullName("config")).getData();
        assertThat(byDefault).doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1");

        Map<String, String> production = ValueSet.PRODUCTION.manifests().named(ConfigMap.class, fullName("config")).getData();
        assertThat(production)
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://otel-collector.observability.svc:4318/v1/traces")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
    }

    @Test
    void theServiceMonitorIsOffByDefaultAndScrapesTheActuatorWhenOn() {
        assertThat(ValueSet.DEFAULT.manifests().all(ServiceMonitor.class)).isEmpty();

        ServiceMonitor monitor = ValueSet.PRODUCTION.manifests().all(ServiceMonitor.class).getFirst();
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getAuthorization().getCredentials().getName()).isEqualTo("dharma-platform-credentials");
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theGatewayPassesEveryApiPathToTheServiceOfItsOwner(ValueSet values) throws IOException {
        KubernetesManifests manifests = values.manifests();
        Map<String, String> gateway = manifests.named(ConfigMap.class, fullName("gateway")).getData();
        assertThat(gateway.get("routes.conf").strip()).as("the routing table compose's gateway mounts too")
                .isEqualTo(Files.readString(HelmChart.DIRECTORY.resolve("files/gateway-routes.conf")).strip());
        assertThat(NginxRoutes.includes(gateway.get("nginx.conf"))).containsExactly("/etc/nginx/dharma/routes.conf");
        NginxRoutes routes = NginxRoutes.parse(gateway.get("routes.conf"));
        Map<String, List<String>> upstreams = NginxRoutes.upstreams(gateway.get("nginx.conf"));
        boolean identity = values.deployments().contains("identity");

        List<String> wrong = new ArrayList<>();
        for (ApiOwners.ApiPath path : ApiOwners.read()) {
            if (path.owner().isPresent()) {
                checkRoute(manifests, routes, upstreams, path.path(), path.example(), path.owner().get(), identity, wrong);
            }
        }
        ApiOwners.CONSOLE_PATHS.forEach(path -> checkRoute(manifests, routes, upstreams, path, path, ApiOwners.CONSOLE_OWNER, identity, wrong));
        ApiOwners.ISSUER_PATHS.forEach(path -> checkRoute(manifests, routes, upstreams, path, path, ApiOwners.ISSUER_OWNER, identity, wrong));
        assertThat(wrong).as("paths the gateway does not pass to the Service of their owner").isEmpty();
    }

    @Test
    void theGatewayRunsNginxHardenedWithItsConfigurationMounted() {
        KubernetesManifests manifests = ValueSet.DEFAULT.manifests();
        Deployment gateway = manifests.named(Deployment.class, fullName("gateway"));
        PodSpec pod = gateway.getSpec().getTemplate().getSpec();
        Container nginx = pod.getContainers().getFirst();

        assertThat(nginx.getImage()).startsWith("nginx:");
        assertThat(nginx.getCommand()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(nginx.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(nginx.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/gateway/healthz");
        assertThat(nginx.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getSubPath).contains(
                org.assertj.core.groups.Tuple.tuple("/etc/nginx/nginx.conf", "nginx.conf"),
                org.assertj.core.groups.Tuple.tuple("/etc/nginx/dharma/routes.conf", "routes.conf"),
                org.assertj.core.groups.Tuple.tuple("/tmp", null));
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getConfigMap() != null)
                .singleElement().satisfies(volume -> assertThat(volume.getConfigMap().getName()).isEqualTo(fullName("gateway")));
        Service service = manifests.named(Service.class, fullName("gateway"));
        assertThat(service.getSpec().getSelector()).isEqualTo(gateway.getSpec().getSelector().getMatchLabels());
        assertThat(manifests.named(PodDisruptionBudget.class, fullName("gateway")).getSpec().getSelector().getMatchLabels())
                .isEqualTo(gateway.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theIngressIsOffByDefaultAndSendsItsHostToTheGatewayWhereTheConsoleSignsIn() {
        assertThat(ValueSet.DEFAULT.manifests().all(Ingress.class)).isEmpty();
        assertThat(env(ValueSet.DEFAULT.manifests().named(Deployment.class, fullName("identity")).getSpec().getTemplate(), "DHARMA_IDENTITY_ISSUER"))
                .isNotNull();
        assertThat(ValueSet.DEFAULT.manifests().named(Deployment.class, fullName("identity")).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getEnv()).noneMatch(variable -> variable.getName().equals("DHARMA_IDENTITY_CONSOLE_ORIGINS_0"));

        KubernetesManifests manifests = KubernetesManifests.parse(HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", NOTIFIER_KEY, "ingress.enabled", "true", "ingress.host", "dharma.example.com",
                "ingress.className", "nginx", "ingress.tls.secretName", "dharma-tls")));
        Ingress ingress = manifests.all(Ingress.class).getFirst();
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("dharma.example.com");
            assertThat(tls.getSecretName()).isEqualTo("dharma-tls");
        });
        IngressRule rule = ingress.getSpec().getRules().getFirst();
        assertThat(rule.getHost()).isEqualTo("dharma.example.com");
        assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(path.getPathType()).isEqualTo("Prefix");
            assertThat(path.getBackend().getService().getName()).isEqualTo(fullName("gateway"));
            assertThat(manifests.named(Service.class, fullName("gateway")).getSpec().getPorts())
                    .anySatisfy(port -> assertThat(port.getName()).isEqualTo(path.getBackend().getService().getPort().getName()));
        });

        assertThat(env(manifests.named(Deployment.class, fullName("identity")).getSpec().getTemplate(), "DHARMA_IDENTITY_CONSOLE_ORIGINS_0")
                .getValue()).isEqualTo("https://dharma.example.com");
        assertThat(manifests.named(ConfigMap.class, fullName("config")).getData())
                .containsEntry("DHARMA_NOTIFIER_PUBLIC_URL", "https://dharma.example.com");

        assertThatThrownBy(() -> HelmChart.render(Map.of("secrets.databasePassword", DATABASE_PASSWORD,
                "secrets.notifierEncryptionKey", NOTIFIER_KEY, "ingress.enabled", "true")))
                .hasMessageContaining("host");
    }

    /** Where the gateway passes {@code example}: a Service of the release that selects {@code owner}'s pods, on its port. */
    private static void checkRoute(KubernetesManifests manifests, NginxRoutes routes, Map<String, List<String>> upstreams,
            String path, String example, String owner, boolean identityEnabled, List<String> wrong) {
        Optional<String> upstream = routes.upstreamOf(example);
        if (upstream.isEmpty() || !upstreams.containsKey(upstream.get())) {
            wrong.add(path + ": no route or no upstream " + upstream.orElse(""));
            return;
        }
        // the chart runs the sandbox cloud's API inside the orchestrator (its executor's classpath)
        String component = owner.equals("sandbox") ? "orchestrator" : owner;
        for (String server : upstreams.get(upstream.get())) {
            String host = server.substring(0, server.indexOf(':'));
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            if (component.equals("identity") && !identityEnabled) {
                if (!host.equals("127.0.0.1")) {
                    wrong.add(path + " -> " + server + ": without the embedded issuer the gateway answers it itself");
                }
                continue;
            }
            Optional<Service> service = manifests.all(Service.class).stream().filter(each -> each.getMetadata().getName().equals(host)).findFirst();
            if (service.isEmpty()) {
                wrong.add(path + " -> " + server + ": no such Service");
            } else if (!component.equals(service.get().getSpec().getSelector().get("app.kubernetes.io/component"))) {
                wrong.add(path + " -> " + server + ", which selects " + service.get().getSpec().getSelector() + ", not " + component);
            } else if (service.get().getSpec().getPorts().stream().noneMatch(each -> each.getPort() == port)) {
                wrong.add(path + " -> " + server + ": the Service has no port " + port);
            }
        }
    }

    @Test
    void theStrictParseRefusesAFieldKubernetesDoesNotHave() {
        String misplacedProbe = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: typo
                          image: typo
                          livenessProbes: {httpGet: {path: /actuator/health/liveness, port: http}}
                """;

        assertThatThrownBy(() -> KubernetesManifests.parse(misplacedProbe)).hasMessageContaining("livenessProbes");
        assertThatThrownBy(() -> KubernetesManifests.parse(misplacedProbe.replace("apps/v1", "apps/v1beta2")))
                .hasMessageContaining("apps/v1beta2/Deployment");
    }

    /** A Deployment or StatefulSet with its pod template. */
    record Workload(String kind, String name, PodTemplateSpec template) {

        Container container() {
            assertThat(template.getSpec().getContainers()).as(name).hasSize(1);
            return template.getSpec().getContainers().getFirst();
        }
    }

    /** The Dharma services' workloads (the gateway, nginx, is checked on its own). */
    private static List<Workload> workloads(KubernetesManifests manifests) {
        return Stream.concat(
                manifests.all(Deployment.class).stream()
                        .filter(deployment -> !deployment.getMetadata().getName().equals(fullName("gateway")))
                        .map(deployment -> new Workload("Deployment", deployment.getMetadata().getName(), deployment.getSpec().getTemplate())),
                manifests.all(StatefulSet.class).stream()
                        .map(set -> new Workload("StatefulSet", set.getMetadata().getName(), set.getSpec().getTemplate())))
                .toList();
    }

    private static void assertProbe(Workload workload, String kind, Probe probe, String path) {
        assertThat(probe).as(workload.name() + " " + kind + " probe").isNotNull();
        assertThat(probe.getHttpGet()).as(workload.name() + " " + kind + " probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(workload.name() + " " + kind + " probe").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(workload.name() + " " + kind + " probe port").isEqualTo("http");
    }

    /** Whether a selector matches the workload's pods and none of the others'. */
    private static boolean selectsOnly(Map<String, String> selector, Workload workload, List<Workload> all) {
        return selector != null && !selector.isEmpty() && all.stream().allMatch(candidate ->
                candidate.template().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()) == (candidate == workload));
    }

    private static EnvVar env(PodTemplateSpec template, String name) {
        return template.getSpec().getContainers().getFirst().getEnv().stream().filter(variable -> variable.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No environment variable " + name));
    }

    private static void assertLintsClean(LintResult lint) {
        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).as("helm lint --strict").noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    private static String fullName(String component) {
        return HelmChart.RELEASE + "-" + component;
    }

    private static List<String> names(List<? extends HasMetadata> resources) {
        return resources.stream().map(resource -> resource.getMetadata().getName()).toList();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
