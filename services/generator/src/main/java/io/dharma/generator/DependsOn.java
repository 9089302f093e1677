package io.dharma.generator;

import io.dharma.generator.terraform.BodyItem;
import io.dharma.generator.terraform.BodyItem.Attribute;
import io.dharma.generator.terraform.BodyItem.Block;
import io.dharma.generator.terraform.Expression;
import io.dharma.generator.terraform.Expression.ListValue;
import io.dharma.generator.terraform.References;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a blueprint's explicit {@code dependsOn} into Terraform {@code depends_on}, only where
 * references do not already order the resources: a block of the dependent resource that reaches
 * none of the dependency's blocks through references gets {@code depends_on} on the
 * dependency's last blocks (those no other block of the dependency refers to).
 */
final class DependsOn {

    private final Map<String, List<Block>> blocksByOwner;
    private final Map<String, Set<String>> referencesByAddress = new HashMap<>();

    DependsOn(Map<String, List<Block>> blocksByOwner) {
        this.blocksByOwner = blocksByOwner;
        Set<String> addresses = new HashSet<>();
        blocksByOwner.values().forEach(blocks -> blocks.forEach(block -> addresses.add(address(block))));
        blocksByOwner.values().forEach(blocks -> blocks.forEach(block ->
                referencesByAddress.put(address(block), new LinkedHashSet<>(References.in(block, addresses)))));
    }

    static String address(Block block) {
        return block.label(0) + "." + block.label(1);
    }

    /**
     * The blocks per owner, with depends_on added where {@code dependsOnByOwner} needs it. An
     * owner's blocks are visited first-created first, and each depends_on added counts as a
     * reference for the blocks after it, so only the blocks that nothing else orders get one.
     */
    Map<String, List<Block>> apply(Map<String, List<String>> dependsOnByOwner) {
        Map<String, List<Block>> result = new LinkedHashMap<>();
        blocksByOwner.forEach((owner, blocks) -> {
            Map<String, Block> updated = new LinkedHashMap<>();
            blocks.forEach(block -> updated.put(address(block), block));
            for (Block block : creationOrder(blocks)) {
                Set<String> missing = new LinkedHashSet<>();
                for (String dependency : dependsOnByOwner.getOrDefault(owner, List.of())) {
                    List<String> targets = addresses(dependency);
                    if (!targets.isEmpty() && !reachesAny(address(block), targets)) {
                        missing.addAll(lastBlocks(dependency));
                    }
                }
                if (!missing.isEmpty()) {
                    updated.put(address(block), withDependsOn(block, missing));
                    referencesByAddress.get(address(block)).addAll(missing);
                }
            }
            result.put(owner, List.copyOf(updated.values()));
        });
        return result;
    }

    /** The blocks in an order where every block comes after the blocks of the same owner it refers to. */
    private List<Block> creationOrder(List<Block> blocks) {
        List<Block> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> own = new HashSet<>();
        blocks.forEach(block -> own.add(address(block)));
        while (ordered.size() < blocks.size()) {
            for (Block block : blocks) {
                String address = address(block);
                boolean ready = referencesByAddress.get(address).stream()
                        .filter(own::contains).filter(other -> !other.equals(address)).allMatch(placed::contains);
                if (!placed.contains(address) && ready) {
                    ordered.add(block);
                    placed.add(address);
                }
            }
        }
        return ordered;
    }

    private List<String> addresses(String owner) {
        return blocksByOwner.getOrDefault(owner, List.of()).stream().map(DependsOn::address).toList();
    }

    private List<String> lastBlocks(String owner) {
        List<String> own = addresses(owner);
        return own.stream()
                .filter(candidate -> own.stream().noneMatch(other ->
                        !other.equals(candidate) && referencesByAddress.get(other).contains(candidate)))
                .toList();
    }

    private boolean reachesAny(String start, List<String> targets) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (String next : referencesByAddress.getOrDefault(current, Set.of())) {
                if (targets.contains(next)) {
                    return true;
                }
                queue.add(next);
            }
        }
        return false;
    }

    private static Block withDependsOn(Block block, Set<String> addresses) {
        List<BodyItem> body = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (BodyItem item : block.body()) {
            if (item instanceof Attribute attribute && attribute.name().equals("depends_on")) {
                ((ListValue) attribute.value()).items().forEach(existing -> all.add(((Expression.Keyword) existing).word()));
            } else {
                body.add(item);
            }
        }
        all.addAll(addresses);
        body.add(new BodyItem.BlankLine());
        body.add(new Attribute("depends_on", Expression.list(all.stream().map(Expression::keyword).toList())));
        return new Block(block.type(), block.labels(), body);
    }
}
