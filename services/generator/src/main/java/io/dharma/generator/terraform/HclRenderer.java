package io.dharma.generator.terraform;

import io.dharma.generator.terraform.BodyItem.Attribute;
import io.dharma.generator.terraform.BodyItem.BlankLine;
import io.dharma.generator.terraform.BodyItem.Block;
import io.dharma.generator.terraform.Expression.BoolLiteral;
import io.dharma.generator.terraform.Expression.Code;
import io.dharma.generator.terraform.Expression.Keyword;
import io.dharma.generator.terraform.Expression.ListValue;
import io.dharma.generator.terraform.Expression.NullLiteral;
import io.dharma.generator.terraform.Expression.NumberLiteral;
import io.dharma.generator.terraform.Expression.ObjectValue;
import io.dharma.generator.terraform.Expression.StringLiteral;
import io.dharma.generator.terraform.Expression.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes blocks in native HCL syntax, laid out as {@code terraform fmt} would: two-space
 * indentation, the {@code =} of consecutive single-line attributes aligned, a multi-line
 * attribute standing alone, one blank line between top-level blocks. The output depends only on
 * the model, so equal models give equal bytes.
 */
public final class HclRenderer {

    private static final String INDENT = "  ";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "for", "in", "if", "endif", "endfor");

    public String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            writeBlock(blocks.get(i), 0, out);
        }
        return out.toString();
    }

    private void writeBlock(Block block, int depth, StringBuilder out) {
        out.append(INDENT.repeat(depth)).append(block.type());
        for (String label : block.labels()) {
            out.append(' ').append(quote(label, true));
        }
        List<BodyItem> body = layout(block.body());
        if (body.isEmpty()) {
            out.append(" {}\n");
            return;
        }
        out.append(" {\n");
        writeBody(body, depth + 1, out);
        out.append(INDENT.repeat(depth)).append("}\n");
    }

    /**
     * Blank lines as written, plus one around every nested block; never two in a row, none at
     * the start or end of a body.
     */
    private static List<BodyItem> layout(List<BodyItem> items) {
        List<BodyItem> result = new ArrayList<>();
        BodyItem previous = null;
        for (BodyItem item : items) {
            boolean wantsBlankBefore = item instanceof BlankLine
                    || (previous != null && (item instanceof Block || previous instanceof Block));
            if (wantsBlankBefore && !result.isEmpty() && !(result.getLast() instanceof BlankLine)) {
                result.add(new BlankLine());
            }
            if (!(item instanceof BlankLine)) {
                result.add(item);
                previous = item;
            }
        }
        return result;
    }

    private void writeBody(List<BodyItem> items, int depth, StringBuilder out) {
        List<Attribute> group = new ArrayList<>();
        for (BodyItem item : items) {
            switch (item) {
                case Attribute attribute -> {
                    String value = value(attribute.value(), depth);
                    if (value.contains("\n")) {
                        flush(group, depth, out);
                        out.append(INDENT.repeat(depth)).append(attribute.name()).append(" = ").append(value).append('\n');
                    } else {
                        group.add(attribute);
                    }
                }
                case Block block -> {
                    flush(group, depth, out);
                    writeBlock(block, depth, out);
                }
                case BlankLine blank -> {
                    flush(group, depth, out);
                    out.append('\n');
                }
            }
        }
        flush(group, depth, out);
    }

    private void flush(List<Attribute> group, int depth, StringBuilder out) {
        int width = group.stream().mapToInt(attribute -> attribute.name().length()).max().orElse(0);
        for (Attribute attribute : group) {
            out.append(INDENT.repeat(depth))
                    .append(pad(attribute.name(), width))
                    .append(" = ")
                    .append(value(attribute.value(), depth))
                    .append('\n');
        }
        group.clear();
    }

    private String value(Expression expression, int depth) {
        return switch (expression) {
            case StringLiteral literal -> quote(literal.value(), true);
            case Template template -> quote(template.template(), false);
            case NumberLiteral number -> number.value().toPlainString();
            case BoolLiteral bool -> Boolean.toString(bool.value());
            case NullLiteral ignored -> "null";
            case Code code -> code.hcl();
            case Keyword keyword -> keyword.word();
            case ListValue list -> list(list, depth);
            case ObjectValue object -> object(object, depth);
        };
    }

    private String list(ListValue list, int depth) {
        if (list.items().isEmpty()) {
            return "[]";
        }
        List<String> single = list.items().stream()
                .filter(item -> !(item instanceof ObjectValue))
                .map(item -> value(item, depth))
                .filter(text -> !text.contains("\n"))
                .toList();
        if (single.size() == list.items().size()) {
            return "[" + String.join(", ", single) + "]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Expression item : list.items()) {
            out.append(INDENT.repeat(depth + 1)).append(value(item, depth + 1)).append(",\n");
        }
        return out.append(INDENT.repeat(depth)).append(']').toString();
    }

    private String object(ObjectValue object, int depth) {
        if (object.entries().isEmpty()) {
            return "{}";
        }
        List<Attribute> entries = new ArrayList<>();
        for (Map.Entry<String, Expression> entry : object.entries().entrySet()) {
            entries.add(new Attribute(objectKey(entry.getKey()), entry.getValue()));
        }
        StringBuilder out = new StringBuilder("{\n");
        writeBody(new ArrayList<>(entries), depth + 1, out);
        return out.append(INDENT.repeat(depth)).append('}').toString();
    }

    private static String objectKey(String key) {
        return IDENTIFIER.matcher(key).matches() && !KEYWORDS.contains(key) ? key : quote(key, true);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /**
     * A quoted HCL string. A literal also escapes the template introducers {@code ${} and
     * {@code %{}, so that user text never becomes an interpolation.
     */
    static String quote(String text, boolean literal) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean templateStart = i + 1 < text.length() && text.charAt(i + 1) == '{';
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> out.append(literal && templateStart ? "" + c + c : String.valueOf(c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
