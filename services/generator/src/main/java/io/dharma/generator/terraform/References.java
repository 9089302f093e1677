package io.dharma.generator.terraform;

import io.dharma.generator.terraform.BodyItem.Attribute;
import io.dharma.generator.terraform.BodyItem.Block;
import io.dharma.generator.terraform.Expression.Code;
import io.dharma.generator.terraform.Expression.Keyword;
import io.dharma.generator.terraform.Expression.ListValue;
import io.dharma.generator.terraform.Expression.ObjectValue;
import io.dharma.generator.terraform.Expression.Template;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the resource addresses ({@code type.name}) a block's expressions mention. */
public final class References {

    private static final Pattern ADDRESS = Pattern.compile("(?<![\\w.])([a-z][a-z0-9_]*\\.[a-z_][a-z0-9_]*)");

    private References() {
    }

    /** Every {@code type.name} in the block's references, templates and keywords that is one of {@code known}. */
    public static Set<String> in(Block block, Set<String> known) {
        Set<String> found = new LinkedHashSet<>();
        collect(block, known, found);
        return found;
    }

    private static void collect(Block block, Set<String> known, Set<String> found) {
        for (BodyItem item : block.body()) {
            switch (item) {
                case Attribute attribute -> collect(attribute.value(), known, found);
                case Block nested -> collect(nested, known, found);
                case BodyItem.BlankLine ignored -> {
                }
            }
        }
    }

    private static void collect(Expression expression, Set<String> known, Set<String> found) {
        switch (expression) {
            case Code code -> scan(code.hcl(), known, found);
            case Template template -> scan(template.template(), known, found);
            case Keyword keyword -> scan(keyword.word(), known, found);
            case ListValue list -> list.items().forEach(item -> collect(item, known, found));
            case ObjectValue object -> object.entries().values().forEach(item -> collect(item, known, found));
            default -> {
            }
        }
    }

    private static void scan(String text, Set<String> known, Set<String> found) {
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            if (known.contains(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
    }
}
