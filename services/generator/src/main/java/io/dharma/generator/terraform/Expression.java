package io.dharma.generator.terraform;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a Terraform attribute, independent of syntax: {@link HclRenderer} writes it as
 * native HCL and {@link JsonRenderer} as Terraform JSON, so both files come from one model.
 * Values are made through the factories below, which refuse a null.
 */
public sealed interface Expression {

    /** A literal string. Renderers escape template sequences, so {@code ${} never interpolates. */
    record StringLiteral(String value) implements Expression {
    }

    record NumberLiteral(BigDecimal value) implements Expression {
    }

    record BoolLiteral(boolean value) implements Expression {
    }

    record NullLiteral() implements Expression {
    }

    /** A string template such as {@code "web-${count.index}"}, written verbatim in both syntaxes. */
    record Template(String template) implements Expression {
    }

    /**
     * An HCL expression: a reference ({@code aws_vpc.main.id}), a function call or a for
     * expression. Bare in HCL, wrapped as {@code "${...}"} in JSON.
     */
    record Code(String hcl) implements Expression {
    }

    /**
     * A bare word that Terraform JSON writes as a plain string without {@code ${}}: type
     * constraints ({@code string}) and the references of {@code depends_on} and
     * {@code ignore_changes}.
     */
    record Keyword(String word) implements Expression {
    }

    record ListValue(List<Expression> items) implements Expression {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** An object (map) value; entries keep the order they were given in. */
    record ObjectValue(Map<String, Expression> entries) implements Expression {
        public ObjectValue {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    static Expression string(String value) {
        return new StringLiteral(Objects.requireNonNull(value, "value"));
    }

    static Expression number(long value) {
        return new NumberLiteral(BigDecimal.valueOf(value));
    }

    static Expression bool(boolean value) {
        return new BoolLiteral(value);
    }

    static Expression nullValue() {
        return new NullLiteral();
    }

    static Expression template(String template) {
        return new Template(Objects.requireNonNull(template, "template"));
    }

    static Expression code(String hcl) {
        return new Code(Objects.requireNonNull(hcl, "hcl"));
    }

    static Expression keyword(String word) {
        return new Keyword(Objects.requireNonNull(word, "word"));
    }

    static Expression list(List<? extends Expression> items) {
        return new ListValue(List.copyOf(items));
    }

    static Expression list(Expression... items) {
        return new ListValue(Arrays.asList(items));
    }

    static Expression strings(List<String> values) {
        return new ListValue(values.stream().map(Expression::string).toList());
    }

    static Expression object(Map<String, ? extends Expression> entries) {
        return new ObjectValue(new LinkedHashMap<>(entries));
    }
}
