package io.dharma.generator.mapping;

import io.dharma.generator.terraform.BodyItem.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cloud mappings produce for one blueprint, sorted into the files it will be written
 * to. Resources are kept per owning blueprint resource, so the generator can order them and add
 * {@code depends_on}; data sources and variables several resources need are added once.
 */
public final class TerraformModule {

    private final Map<String, Block> data = new LinkedHashMap<>();
    private final Map<String, List<Block>> resourcesByOwner = new LinkedHashMap<>();
    private final Map<String, Block> variables = new LinkedHashMap<>();
    private final List<Block> outputs = new ArrayList<>();
    private final List<Block> providerBlocks = new ArrayList<>();
    private final Set<String> extraProviders = new LinkedHashSet<>();

    /** Adds a {@code resource} block that belongs to the blueprint resource {@code owner}. */
    public void resource(String owner, Block block) {
        require(block, "resource");
        resourcesByOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(block);
    }

    /** Adds a {@code data} block unless an identical one (same type and name) is already there. */
    public void data(Block block) {
        require(block, "data");
        String address = "data." + block.label(0) + "." + block.label(1);
        Block existing = data.putIfAbsent(address, block);
        if (existing != null && !existing.equals(block)) {
            throw new IllegalStateException("two different definitions of " + address);
        }
    }

    /** Adds a {@code variable} block unless one of that name is already there. */
    public void variable(Block block) {
        require(block, "variable");
        variables.putIfAbsent(block.label(0), block);
    }

    public void output(Block block) {
        require(block, "output");
        outputs.add(block);
    }

    /** Adds a block for providers.tf ({@code provider} or {@code locals}). */
    public void providerBlock(Block block) {
        providerBlocks.add(block);
    }

    /** Records that the configuration needs a utility provider besides the cloud's (e.g. {@code random}). */
    public void useProvider(String name) {
        extraProviders.add(name);
    }

    public Set<String> extraProviders() {
        return Set.copyOf(extraProviders);
    }

    public List<Block> dataBlocks() {
        return List.copyOf(data.values());
    }

    /** Resource blocks per owner, in the order owners were first seen. */
    public Map<String, List<Block>> resourcesByOwner() {
        Map<String, List<Block>> copy = new LinkedHashMap<>();
        resourcesByOwner.forEach((owner, blocks) -> copy.put(owner, List.copyOf(blocks)));
        return copy;
    }

    public List<Block> variableBlocks() {
        return List.copyOf(variables.values());
    }

    public List<Block> outputBlocks() {
        return List.copyOf(outputs);
    }

    public List<Block> providerBlocks() {
        return List.copyOf(providerBlocks);
    }

    private static void require(Block block, String type) {
        if (!block.type().equals(type)) {
            throw new IllegalArgumentException("expected a " + type + " block but got " + block.type());
        }
    }
}
