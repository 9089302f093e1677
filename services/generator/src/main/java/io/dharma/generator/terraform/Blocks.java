package io.dharma.generator.terraform;

import io.dharma.generator.terraform.BodyItem.Block;
import java.util.List;
import java.util.function.Consumer;

/** Factories for Terraform's top-level blocks. */
public final class Blocks {

    private Blocks() {
    }

    public static Block terraform(Consumer<Body> content) {
        return new Block("terraform", List.of(), Body.of(content));
    }

    public static Block provider(String name, Consumer<Body> content) {
        return new Block("provider", List.of(name), Body.of(content));
    }

    public static Block locals(Consumer<Body> content) {
        return new Block("locals", List.of(), Body.of(content));
    }

    public static Block resource(String type, String name, Consumer<Body> content) {
        return new Block("resource", List.of(type, name), Body.of(content));
    }

    public static Block data(String type, String name, Consumer<Body> content) {
        return new Block("data", List.of(type, name), Body.of(content));
    }

    public static Block variable(String name, Consumer<Body> content) {
        return new Block("variable", List.of(name), Body.of(content));
    }

    /** A nested block, for bodies that add it conditionally through {@code Body.block(Block)}. */
    public static Block nested(String type, Consumer<Body> content) {
        return new Block(type, List.of(), Body.of(content));
    }

    /** A nested {@code lifecycle} block whose {@code ignore_changes} lists attributes changed outside Terraform. */
    public static Block lifecycleIgnoring(String... attributes) {
        return new Block("lifecycle", List.of(), Body.of(body -> body.attr("ignore_changes",
                Expression.list(java.util.Arrays.stream(attributes).map(Expression::keyword).toList()))));
    }

    public static Block output(String name, Consumer<Body> content) {
        return new Block("output", List.of(name), Body.of(content));
    }
}
