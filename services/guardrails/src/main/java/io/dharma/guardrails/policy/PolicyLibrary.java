package io.dharma.guardrails.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The built-in policy library and the default parameters, shipped as data on the classpath
 * ({@code policies/builtin.yaml}, {@code policies/parameters.yaml},
 * {@code policies/kubernetes-end-of-life.yaml}). Unknown keys are errors, so a typo in a file
 * cannot silently drop a setting.
 */
public final class PolicyLibrary {

    public static final String BUILTIN = "policies/builtin.yaml";
    public static final String PARAMETERS = "policies/parameters.yaml";
    public static final String KUBERNETES_END_OF_LIFE = "policies/kubernetes-end-of-life.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The library file: its version, the policies as written, and the ids of those marked
     * {@code mandatory: true} (in force for every tenant: no tenant can disable them).
     */
    public record Documents(String version, List<PolicyDocument> policies, Set<String> mandatory) {

        public Documents {
            policies = List.copyOf(policies);
            mandatory = Set.copyOf(mandatory);
        }
    }

    private record LibraryFile(String version, List<PolicyDocument> policies) {
    }

    /** Key of a built-in's entry in the library file that is not part of the policy itself. */
    static final String MANDATORY = "mandatory";

    private record ParametersFile(
            List<String> requiredTags,
            List<Integer> restrictedIngressPorts,
            Map<String, List<String>> allowedRegions,
            Map<String, String> maxSize,
            Duration kubernetesEndOfLifeWarning) {
    }

    private record EndOfLifeFile(String source, LocalDate asOf, Map<String, LocalDate> endOfLife) {
    }

    private PolicyLibrary() {
    }

    public static Documents builtinDocuments() {
        JsonNode root = read(BUILTIN, JsonNode.class);
        Set<String> mandatory = new LinkedHashSet<>();
        for (JsonNode entry : root.path("policies")) {
            if (entry instanceof ObjectNode policy && policy.has(MANDATORY)) {
                JsonNode flag = policy.remove(MANDATORY);
                if (!flag.isBoolean()) {
                    throw new IllegalStateException(BUILTIN + ": policy " + policy.path("id").asString(null)
                            + " has mandatory: " + flag + "; it must be true or false");
                }
                if (flag.asBoolean()) {
                    mandatory.add(policy.path("id").asString(null));
                }
            }
        }
        LibraryFile file = YAML.treeToValue(root, LibraryFile.class);
        return new Documents(file.version(), file.policies(), mandatory);
    }

    /** The built-in policies, validated; a broken library file is a bug, so it throws {@link IllegalStateException}. */
    public static List<Policy> builtinPolicies(PolicyValidator validator) {
        return builtinDocuments().policies().stream().map(document -> {
            try {
                return validator.validate(document);
            } catch (InvalidPolicyException e) {
                throw new IllegalStateException(BUILTIN + ": policy " + document.id() + " is invalid: " + e.getMessage(), e);
            }
        }).toList();
    }

    /** The default parameters, before any configuration override. */
    public static PolicyParameters defaultParameters() {
        ParametersFile parameters = read(PARAMETERS, ParametersFile.class);
        EndOfLifeFile endOfLife = read(KUBERNETES_END_OF_LIFE, EndOfLifeFile.class);
        return new PolicyParameters(parameters.requiredTags(), parameters.restrictedIngressPorts(),
                parameters.allowedRegions(), parameters.maxSize(), endOfLife.endOfLife(),
                parameters.kubernetesEndOfLifeWarning());
    }

    private static <T> T read(String path, Class<T> type) {
        try (InputStream in = PolicyLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
