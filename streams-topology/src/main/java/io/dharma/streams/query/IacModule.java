package io.dharma.streams.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.dharma.events.TerraformFile;
import io.dharma.web.ApiException;

/**
 * The generated Terraform as files a user downloads: each file's format (by its extension, as
 * Terraform itself decides: {@code .tf.json} is JSON syntax, {@code .tf} native syntax), its
 * UTF-8 bytes and their SHA-256, and one format's module as a zip. The generator writes each
 * format as a complete root module in its own folder ({@code hcl/}, {@code json/}); the zip holds
 * that folder's files with paths relative to it, so it unpacks into a directory {@code terraform
 * init} runs in. The zip's entries carry the event's time, so one result always zips to the same bytes.
 */
public final class IacModule {

    /** A Terraform syntax, as the {@code format} query parameter names it. */
    public enum Format {
        HCL, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format of a file, or empty for a file that is neither (none today). */
        static Optional<Format> of(String path) {
            if (path.endsWith(".tf.json")) {
                return Optional.of(JSON);
            }
            return path.endsWith(".tf") ? Optional.of(HCL) : Optional.empty();
        }

        /** The {@code format} parameter: null or blank for every format. */
        static Optional<Format> parse(String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            for (Format format : values()) {
                if (format.id().equalsIgnoreCase(value.trim())) {
                    return Optional.of(format);
                }
            }
            throw new ApiException(QueryApiError.INVALID_QUERY, "format must be hcl or json");
        }
    }

    private IacModule() {
    }

    public static byte[] bytes(TerraformFile file) {
        return file.getContent().getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static boolean matches(TerraformFile file, Optional<Format> format) {
        return format.isEmpty() || Format.of(file.getPath()).equals(format);
    }

    /** The path of a file inside its format's module: without the format's folder. */
    static String modulePath(String path, Format format) {
        String folder = format.id() + "/";
        return path.startsWith(folder) ? path.substring(folder.length()) : path;
    }

    /** The files of {@code format} zipped with paths relative to its folder, in the event's (sorted) order. */
    public static byte[] zip(List<TerraformFile> files, Format format, Instant generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (TerraformFile file : files) {
                if (!matches(file, Optional.of(format))) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(modulePath(file.getPath(), format));
                entry.setTime(generatedAt.toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(bytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
