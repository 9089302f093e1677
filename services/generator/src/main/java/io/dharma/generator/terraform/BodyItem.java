package io.dharma.generator.terraform;

import java.util.List;
import java.util.Objects;

/** One item of a block body: an attribute, a nested block, or a blank line that groups the HCL. */
public sealed interface BodyItem {

    record Attribute(String name, Expression value) implements BodyItem {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A block such as {@code resource "aws_vpc" "main" { ... }} or a nested {@code root_block_device { ... }}. */
    record Block(String type, List<String> labels, List<BodyItem> body) implements BodyItem {
        public Block {
            Objects.requireNonNull(type, "type");
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }

        public String label(int index) {
            return labels.get(index);
        }
    }

    /** Layout only: an empty line in HCL (it also ends a group of aligned attributes); JSON ignores it. */
    record BlankLine() implements BodyItem {
    }
}
