package io.dharma.infra.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendered manifests parsed strictly into fabric8's Kubernetes model: a kind or apiVersion the
 * chart should not produce, or a field the API does not have (a misspelt or misplaced key, which
 * the API server would drop or refuse), fails the parse.
 */
record KubernetesManifests(List<HasMetadata> resources) {

    /** The kinds the chart may render, by apiVersion and kind. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class));

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * fabric8's classes keep unknown fields in an additionalProperties map (@JsonAnySetter);
     * ignoring that annotation makes Jackson fail on them instead.
     */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return false;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static KubernetesManifests parse(String rendered) {
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered).readAll()) {
            if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                continue;
            }
            String type = document.path("apiVersion").asString() + "/" + document.path("kind").asString();
            Class<? extends HasMetadata> kind = KINDS.get(type);
            if (kind == null) {
                throw new IllegalArgumentException("The chart rendered " + type + ", which is not one of " + KINDS.keySet());
            }
            try {
                resources.add(STRICT.treeToValue(document, kind));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not a valid " + type + " (" + document.path("metadata").path("name")
                        + "): " + e.getMessage(), e);
            }
        }
        return new KubernetesManifests(List.copyOf(resources));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind.getSimpleName() + " named " + name + " was rendered"));
    }
}
