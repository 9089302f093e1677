package io.dharma.generator.mapping;

import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;

/** Variables and outputs the mappings declare, written the same way on every cloud. */
public final class Declarations {

    private Declarations() {
    }

    /**
     * A sensitive string variable without a default: Terraform asks for it (or reads
     * {@code TF_VAR_<name>}), so no secret is ever part of the generated code.
     */
    public static void secret(GenerationContext context, String name, String description) {
        context.module().variable(Blocks.variable(name, body -> body
                .attr("description", description)
                .attr("type", Expression.keyword("string"))
                .attr("sensitive", true)
                .attr("nullable", false)));
    }

    /** A required, non-secret string variable (no default). */
    public static void input(GenerationContext context, String name, String description) {
        context.module().variable(Blocks.variable(name, body -> body
                .attr("description", description)
                .attr("type", Expression.keyword("string"))
                .attr("nullable", false)));
    }

    public static void output(GenerationContext context, String name, String description, String valueHcl) {
        context.module().output(Blocks.output(name, body -> body
                .attr("description", description)
                .ref("value", valueHcl)));
    }
}
