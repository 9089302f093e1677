package io.dharma.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blueprint document with its {@code metadata.name} replaceable: a name is unique per tenant,
 * so the name decides whether a submission is a new blueprint or a new version of an existing one.
 * {@code length} is the document's length as read.
 */
record BlueprintTemplate(String prefix, String suffix, int length) {

    private static final Pattern METADATA_NAME = Pattern.compile("(?m)^(metadata:\\s*\\n(?:[ \\t].*\\n)*?[ \\t]+name:[ \\t]*)(\\S+)");

    static BlueprintTemplate read(Path file) throws IOException {
        String document = Files.readString(file);
        Matcher m = METADATA_NAME.matcher(document);
        if (!m.find()) {
            throw new IllegalArgumentException(file + " has no metadata.name to vary");
        }
        return new BlueprintTemplate(document.substring(0, m.start(2)), document.substring(m.end(2)), document.length());
    }

    /** The document with {@code name} as its metadata.name. */
    String named(String name) {
        return prefix + name + suffix;
    }
}
