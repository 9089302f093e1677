package io.dharma.generator.mapping;

import io.dharma.generator.terraform.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for building expressions in the mappings. */
public final class Exprs {

    private Exprs() {
    }

    /** A list of references, e.g. {@code [aws_subnet.a.id, aws_subnet.b.id]}. */
    public static Expression refs(List<String> references) {
        return Expression.list(references.stream().map(Expression::code).toList());
    }

    /** A list of bare references for {@code depends_on} or {@code ignore_changes}. */
    public static Expression keywords(List<String> words) {
        return Expression.list(words.stream().map(Expression::keyword).toList());
    }

    /** A string-to-string map, in the given order. */
    public static Expression stringMap(Map<String, String> entries) {
        Map<String, Expression> values = new LinkedHashMap<>();
        entries.forEach((key, value) -> values.put(key, Expression.string(value)));
        return Expression.object(values);
    }

    public static Expression nameTag(String name) {
        return stringMap(Map.of("Name", name));
    }
}
