package io.dharma.generator.terraform;

import io.dharma.generator.terraform.BodyItem.Attribute;
import io.dharma.generator.terraform.BodyItem.BlankLine;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the items of a block body in the order they should appear. Attribute helpers accept
 * Java values for literals and {@link #ref} for references; {@code null} values are skipped, so
 * optional arguments need no {@code if}.
 */
public final class Body {

    private final List<BodyItem> items = new ArrayList<>();

    public static List<BodyItem> of(Consumer<Body> content) {
        Body body = new Body();
        content.accept(body);
        return body.items();
    }

    public Body attr(String name, Expression value) {
        if (value != null) {
            items.add(new Attribute(name, value));
        }
        return this;
    }

    public Body attr(String name, String value) {
        return value == null ? this : attr(name, Expression.string(value));
    }

    public Body attr(String name, long value) {
        return attr(name, Expression.number(value));
    }

    public Body attr(String name, boolean value) {
        return attr(name, Expression.bool(value));
    }

    /** An attribute whose value is an HCL expression, for example {@code ref("vpc_id", "aws_vpc.main.id")}. */
    public Body ref(String name, String hcl) {
        return hcl == null ? this : attr(name, Expression.code(hcl));
    }

    public Body block(String type, Consumer<Body> content) {
        items.add(new Block(type, List.of(), of(content)));
        return this;
    }

    /** Adds a block built elsewhere (or nothing when {@code block} is null). */
    public Body block(Block block) {
        if (block != null) {
            items.add(block);
        }
        return this;
    }

    /** An empty line; repeated or leading blank lines collapse when rendered. */
    public Body blank() {
        items.add(new BlankLine());
        return this;
    }

    public List<BodyItem> items() {
        return List.copyOf(items);
    }
}
