package io.dharma.launcher.cli;

import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The line of a JSON Pointer in the document the user has (YAML, or JSON, which YAML reads): the
 * server's problems name places by pointer, the user's editor by line. A pointer to something
 * missing (a required field) gets the line of the nearest thing that is there.
 */
final class PointerLines {

    private final Node root;

    private PointerLines(Node root) {
        this.root = root;
    }

    static PointerLines of(String document) {
        try {
            return new PointerLines(new Compose(LoadSettings.builder().setUseMarks(true).build())
                    .composeString(document).orElse(null));
        } catch (YamlEngineException e) {
            return new PointerLines(null);
        }
    }

    /** The 1-based line {@code pointer} is on, if the document can be read that far. */
    Optional<Integer> line(String pointer) {
        if (root == null) {
            return Optional.empty();
        }
        Node node = root;
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                Node next = child(node, raw.replace("~1", "/").replace("~0", "~"));
                if (next == null) {
                    break;
                }
                node = next;
            }
        }
        return node.getStartMark().map(mark -> mark.getLine() + 1);
    }

    private static Node child(Node node, String token) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(token)) {
                    return tuple.getValueNode();
                }
            }
        }
        if (node instanceof SequenceNode sequence) {
            try {
                int index = Integer.parseInt(token);
                return index >= 0 && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
