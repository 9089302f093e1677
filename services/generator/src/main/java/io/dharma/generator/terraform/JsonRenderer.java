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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes blocks in Terraform's JSON syntax: {@code resource} and {@code data} nest as
 * type, then name, then body; {@code provider}, {@code variable} and {@code output} as name, then
 * body; {@code terraform} and {@code locals} as a body. A nested block that occurs more than once
 * in a body becomes an array. Expressions become {@code "${...}"} strings, literal strings have
 * their template sequences escaped. Keys keep the model's order; two-space indentation, {@code \n}
 * line ends.
 */
public final class JsonRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);

    public String render(List<Block> blocks) {
        return MAPPER.writer().with(PRINTER).writeValueAsString(tree(blocks)) + "\n";
    }

    /** The JSON document of {@code blocks}, before formatting. */
    public ObjectNode tree(List<Block> blocks) {
        ObjectNode root = NODES.objectNode();
        for (Block block : blocks) {
            ObjectNode body = body(block.body());
            switch (block.type()) {
                case "terraform", "locals" -> merge(child(root, block.type()), body, block);
                case "resource", "data" -> addUnique(child(child(root, block.type()), block.label(0)), block.label(1), body, block);
                case "provider", "variable", "output" -> addUnique(child(root, block.type()), block.label(0), body, block);
                default -> throw new IllegalArgumentException("not a top-level Terraform block: " + block.type());
            }
        }
        return root;
    }

    private ObjectNode body(List<BodyItem> items) {
        Map<String, List<ObjectNode>> nested = new LinkedHashMap<>();
        ObjectNode object = NODES.objectNode();
        for (BodyItem item : items) {
            switch (item) {
                case Attribute attribute -> {
                    requireNew(object, attribute.name());
                    object.set(attribute.name(), value(attribute.value()));
                }
                case Block block -> {
                    if (!block.labels().isEmpty()) {
                        throw new IllegalArgumentException("nested labelled blocks are not supported: " + block.type());
                    }
                    if (!nested.containsKey(block.type())) {
                        requireNew(object, block.type());
                        object.putNull(block.type()); // reserves the position of the first occurrence
                    }
                    nested.computeIfAbsent(block.type(), type -> new java.util.ArrayList<>()).add(body(block.body()));
                }
                case BlankLine ignored -> {
                }
            }
        }
        nested.forEach((type, bodies) -> {
            ArrayNode array = NODES.arrayNode();
            bodies.forEach(array::add);
            object.set(type, array);
        });
        return object;
    }

    private JsonNode value(Expression expression) {
        return switch (expression) {
            case StringLiteral literal -> NODES.stringNode(escapeTemplates(literal.value()));
            case Template template -> NODES.stringNode(template.template());
            case NumberLiteral number -> number(number.value());
            case BoolLiteral bool -> NODES.booleanNode(bool.value());
            case NullLiteral ignored -> NODES.nullNode();
            case Code code -> NODES.stringNode("${" + code.hcl() + "}");
            case Keyword keyword -> NODES.stringNode(keyword.word());
            case ListValue list -> {
                ArrayNode array = NODES.arrayNode();
                list.items().forEach(item -> array.add(value(item)));
                yield array;
            }
            case ObjectValue object -> {
                ObjectNode node = NODES.objectNode();
                object.entries().forEach((key, item) -> node.set(key, value(item)));
                yield node;
            }
        };
    }

    private static JsonNode number(BigDecimal value) {
        try {
            return NODES.numberNode(value.longValueExact());
        } catch (ArithmeticException notAnInteger) {
            return NODES.numberNode(value);
        }
    }

    /** JSON strings are templates too, so a literal {@code ${} or {@code %{} is doubled. */
    private static String escapeTemplates(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }

    private static void merge(ObjectNode target, ObjectNode body, Block block) {
        body.properties().forEach(entry -> {
            if (target.has(entry.getKey())) {
                throw new IllegalArgumentException("duplicate '" + entry.getKey() + "' in " + block.type() + " blocks");
            }
            target.set(entry.getKey(), entry.getValue());
        });
    }

    private static void addUnique(ObjectNode parent, String name, ObjectNode body, Block block) {
        if (parent.has(name)) {
            throw new IllegalArgumentException("duplicate " + block.type() + " " + String.join(".", block.labels()));
        }
        parent.set(name, body);
    }

    private static void requireNew(ObjectNode object, String name) {
        if (object.has(name)) {
            throw new IllegalArgumentException("'" + name + "' is set twice in one body");
        }
    }
}
