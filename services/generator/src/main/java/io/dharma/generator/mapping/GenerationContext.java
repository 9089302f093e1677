package io.dharma.generator.mapping;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The blueprint being generated, seen from the cloud mappings: its resources with defaults
 * filled in, how they relate (which network a resource lives in, which firewalls apply to it),
 * cloud names and sizes, and the {@link TerraformModule} the mappings write to.
 */
public final class GenerationContext {

    /** Tags Dharma adds to every resource; they win over blueprint tags of the same name. */
    public static final String TAG_BLUEPRINT = "dharma-blueprint";
    public static final String TAG_ENVIRONMENT = "dharma-environment";
    public static final String TAG_MANAGED_BY = "managed-by";

    /** Types a firewall can apply to (its {@code targets}, or all of these in its network). */
    static final Set<String> FIREWALL_TARGET_TYPES = Set.of(
            "compute.instance", "kubernetes.cluster", "database.postgres", "database.mysql", "cache.redis", "loadbalancer");

    private final Blueprint blueprint;
    private final SizeCatalogue sizes;
    private final Map<String, ResourceView> resources = new LinkedHashMap<>();
    private final TerraformModule module = new TerraformModule();
    private final Map<String, List<CidrRange>> allocatedRanges = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();

    public GenerationContext(Blueprint blueprint, ResourceCatalogue catalogue, SizeCatalogue sizes) {
        this.blueprint = Objects.requireNonNull(blueprint, "blueprint");
        this.sizes = Objects.requireNonNull(sizes, "sizes");
        for (ResourceSpec spec : blueprint.spec().resources()) {
            resources.put(spec.name(), new ResourceView(spec, catalogue.withDefaults(spec)));
        }
    }

    public TerraformModule module() {
        return module;
    }

    public String blueprintName() {
        return blueprint.name();
    }

    public Cloud cloud() {
        return blueprint.spec().cloud();
    }

    public String region() {
        return blueprint.spec().region();
    }

    public boolean production() {
        return blueprint.metadata().environment() == Environment.PROD;
    }

    /** The blueprint's tags plus Dharma's own, sorted by key. */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>(blueprint.metadata().tags());
        tags.put(TAG_BLUEPRINT, blueprint.name());
        tags.put(TAG_ENVIRONMENT, blueprint.metadata().environment().id());
        tags.put(TAG_MANAGED_BY, "dharma");
        return tags;
    }

    public ResourceView resource(String name) {
        ResourceView view = resources.get(name);
        if (view == null) {
            throw new IllegalStateException("the blueprint has no resource '" + name + "'");
        }
        return view;
    }

    /** Resources of the given types, in document order. */
    public List<ResourceView> resources(String... types) {
        List<String> wanted = Arrays.asList(types);
        return resources.values().stream().filter(view -> wanted.contains(view.type())).toList();
    }

    /** The provider-side name of a resource: {@code <blueprint>-<resource>}. */
    public String cloudName(ResourceView resource) {
        return blueprint.name() + "-" + resource.name();
    }

    public String cloudName(ResourceView resource, String suffix) {
        return cloudName(resource) + "-" + suffix;
    }

    /** The provider SKU for the neutral size in {@code sizeProperty}, from the table the cost estimator shares. */
    public String sku(ResourceView resource, String sizeProperty) {
        return sizes.sizeFor(resource.type(), resource.string(sizeProperty), cloud()).sku();
    }

    /** The network a resource lives in, if it is in one. */
    public Optional<ResourceView> networkOf(ResourceView resource) {
        return switch (resource.type()) {
            case "network" -> Optional.of(resource);
            case "subnet", "firewall", "kubernetes.cluster" -> Optional.of(resource(resource.string("network")));
            case "compute.instance", "database.postgres", "database.mysql", "cache.redis" ->
                    networkOf(resource(resource.string("subnet")));
            case "loadbalancer" -> networkOf(resource(resource.strings("subnets").getFirst()));
            default -> Optional.empty();
        };
    }

    /** The subnets of a network, in document order. */
    public List<ResourceView> subnetsOf(ResourceView network) {
        return resources("subnet").stream()
                .filter(subnet -> subnet.string("network").equals(network.name()))
                .toList();
    }

    /** Position of a subnet among its network's subnets; spreads subnets over availability zones. */
    public int subnetIndex(ResourceView subnet) {
        return subnetsOf(resource(subnet.string("network"))).indexOf(subnet);
    }

    /**
     * A free address range of size {@code prefix} in a network, for a subnet the generator creates
     * itself: clear of the blueprint's subnets and of ranges handed out before.
     */
    public CidrRange allocateRange(ResourceView network, int prefix, ResourceView requester) {
        List<CidrRange> taken = new ArrayList<>(allocatedRanges.getOrDefault(network.name(), List.of()));
        subnetsOf(network).forEach(subnet -> taken.add(CidrRange.parse(subnet.string("cidr"))));
        CidrRange block = CidrRange.parse(network.string("cidr")).firstFree(prefix, taken)
                .orElseThrow(() -> new MappingException("network '" + network.name() + "' has no free /" + prefix
                        + " range left for the subnet " + requester.type() + " '" + requester.name()
                        + "' needs; widen the network's cidr or add the subnet to the blueprint"));
        allocatedRanges.computeIfAbsent(network.name(), key -> new ArrayList<>()).add(block);
        return block;
    }

    /**
     * A free range for a subnet of cluster nodes the generator creates itself: a sixteenth of the
     * network, a /24 at most, the same on every cloud.
     */
    public CidrRange allocateNodeRange(ResourceView network, ResourceView cluster) {
        return allocateRange(network, Math.min(CidrRange.parse(network.string("cidr")).prefix() + 4, 24), cluster);
    }

    /**
     * Records that {@code owner} takes something only one resource may have (for example the
     * network security group slot of an Azure subnet); returns the previous owner, if another
     * resource claimed it first.
     */
    public Optional<String> claim(String thing, String owner) {
        String previous = claims.putIfAbsent(thing, owner);
        return previous == null || previous.equals(owner) ? Optional.empty() : Optional.of(previous);
    }

    /** The firewalls that apply to a resource: those naming it as a target, and target-less ones of its network. */
    public List<ResourceView> firewallsFor(ResourceView target) {
        Optional<ResourceView> network = networkOf(target);
        return resources("firewall").stream()
                .filter(firewall -> explicitTargets(firewall).isEmpty()
                        ? network.isPresent() && firewall.string("network").equals(network.get().name())
                        : explicitTargets(firewall).contains(target.name()))
                .toList();
    }

    /** The resources a firewall applies to, in document order. */
    public List<ResourceView> targetsOf(ResourceView firewall) {
        List<String> explicit = explicitTargets(firewall);
        return resources.values().stream()
                .filter(view -> FIREWALL_TARGET_TYPES.contains(view.type()))
                .filter(view -> explicit.isEmpty()
                        ? networkOf(view).map(ResourceView::name).orElse("").equals(firewall.string("network"))
                        : explicit.contains(view.name()))
                .toList();
    }

    /** The firewall's {@code targets}; empty means every resource of its network. */
    public List<String> explicitTargets(ResourceView firewall) {
        return firewall.strings("targets");
    }
}
