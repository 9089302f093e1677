package io.dharma.blueprint.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a submitted document (YAML 1.2 or JSON, UTF-8) into a JSON tree, refusing anything that
 * could exhaust memory or time before it is built: the size is checked first, then a streaming
 * pass over the parser's events checks nesting depth and YAML alias count without building
 * anything, and only then is the tree built, counting values as YAML aliases expand.
 *
 * <p>YAML is read with snakeyaml-engine's core schema: {@code yes}/{@code no}/{@code on} stay
 * strings (only {@code true}/{@code false} are booleans), there are no timestamps, no
 * environment-variable substitution and no custom tags. Duplicate keys are refused in both syntaxes.
 * Thread-safe.
 */
public final class BlueprintParser {

    private final BlueprintLimits limits;
    private final LoadSettings yamlSettings;
    private final JsonMapper jsonMapper;

    public BlueprintParser(BlueprintLimits limits) {
        this.limits = limits;
        this.yamlSettings = LoadSettings.builder()
                .setLabel("blueprint")
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxDocumentBytes())
                .setEnvConfig(Optional.empty())
                .setUseMarks(true)
                .build();
        // Jackson's own limits back up the streaming pre-check, which reports depth first.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() * 2)
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        this.jsonMapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public BlueprintParser() {
        this(BlueprintLimits.DEFAULT);
    }

    public BlueprintLimits limits() {
        return limits;
    }

    /** The document's JSON tree; throws if it is too large, too deep, alias-heavy or malformed. */
    public JsonNode parse(byte[] document, DocumentFormat format) throws UnreadableDocumentException {
        if (document.length > limits.maxDocumentBytes()) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_TOO_LARGE,
                    "the document has " + document.length + " bytes; the limit is " + limits.maxDocumentBytes());
        }
        String text = decodeUtf8(document);
        if (text.isBlank()) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, "the document is empty");
        }
        return switch (format) {
            case YAML -> parseYaml(text);
            case JSON -> parseJson(text);
        };
    }

    private JsonNode parseYaml(String text) throws UnreadableDocumentException {
        try {
            checkYamlShape(text);
            Object value = new Load(yamlSettings).loadFromString(text);
            if (value == null) {
                throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, "the document is empty");
            }
            return new YamlTreeConverter(limits).convert(value);
        } catch (MarkedYamlEngineException e) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, yamlMessage(e));
        } catch (YamlEngineException e) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, "not valid YAML: " + e.getMessage());
        }
    }

    /** Depth and alias limits, checked on the event stream, so no oversized tree is ever built. */
    private void checkYamlShape(String text) throws UnreadableDocumentException {
        int depth = 0;
        int aliases = 0;
        for (Event event : new Parse(yamlSettings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > limits.maxDepth()) {
                        throw tooDeep(event.getStartMark().map(mark -> mark.getLine() + 1));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> {
                    if (++aliases > limits.maxAliases()) {
                        throw new UnreadableDocumentException(ProblemCode.DOCUMENT_TOO_MANY_ALIASES,
                                "the document uses more than " + limits.maxAliases() + " YAML aliases");
                    }
                }
                default -> {
                }
            }
        }
    }

    private JsonNode parseJson(String text) throws UnreadableDocumentException {
        try {
            checkJsonDepth(text);
            return jsonMapper.readTree(text);
        } catch (JacksonException e) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, jsonMessage(e));
        }
    }

    private void checkJsonDepth(String text) throws UnreadableDocumentException {
        try (JsonParser parser = jsonMapper.createParser(text)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart() && ++depth > limits.maxDepth()) {
                    throw tooDeep(Optional.of(parser.currentLocation().getLineNr()));
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }
    }

    private UnreadableDocumentException tooDeep(Optional<Integer> line) {
        return new UnreadableDocumentException(ProblemCode.DOCUMENT_TOO_DEEP,
                "mappings and lists are nested more than " + limits.maxDepth() + " levels deep"
                        + line.map(number -> " (line " + number + ")").orElse(""));
    }

    private static String decodeUtf8(byte[] document) throws UnreadableDocumentException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, "the document is not UTF-8 text");
        }
    }

    private static String yamlMessage(MarkedYamlEngineException e) {
        String where = e.getProblemMark()
                .map(mark -> "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ")
                .orElse("");
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return "not valid YAML: " + where + e.getProblem() + context;
    }

    private static String jsonMessage(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        // Jackson appends where an unclosed array or object started, naming a redacted source; drop that part.
        String message = e.getOriginalMessage().replaceFirst("\\s*\\(start marker at \\[Source: .*$", "");
        return "not valid JSON: " + where + message;
    }
}
