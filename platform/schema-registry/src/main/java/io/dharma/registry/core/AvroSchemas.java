package io.dharma.registry.core;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Parses schema text the way the registry stores it: Avro's own JSON rendering of the parsed
 * schema is the canonical form, so whitespace and key order never make two texts differ.
 */
public final class AvroSchemas {

    public static final String AVRO = "AVRO";

    private AvroSchemas() {
    }

    public static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("the request has no schema");
        }
        try {
            // A fresh parser per schema: named types must not leak from one request to the next.
            return new Schema.Parser().setValidateDefaults(true).parse(schemaText);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static String canonical(Schema schema) {
        return schema.toString();
    }

    /** Only Avro is served; a missing type means Avro, as in Confluent's API. */
    public static void requireAvro(String schemaType) {
        if (schemaType != null && !schemaType.equalsIgnoreCase(AVRO)) {
            throw RegistryException.invalidSchema(
                    "schema type '%s' is not supported by this registry; only AVRO is".formatted(schemaType));
        }
    }
}
