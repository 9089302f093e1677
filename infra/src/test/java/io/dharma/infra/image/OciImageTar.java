package io.dharma.infra.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image as Jib's buildTar writes it: an OCI image layout in a tar (index.json, then the manifest,
 * the config and the gzipped layers as blobs/sha256/...), read the way a container engine would,
 * by following the index to the manifest and the manifest to its config and layers.
 */
final class OciImageTar {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path tar;
    private final JsonNode index;
    private final JsonNode manifest;
    private final JsonNode config;

    private OciImageTar(Path tar) {
        this.tar = tar;
        this.index = json("index.json");
        this.manifest = json(blobPath(index.path("manifests").get(0).path("digest").asString()));
        this.config = json(blobPath(manifest.path("config").path("digest").asString()));
    }

    static OciImageTar open(Path tar) {
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException("no image at " + tar + ": build the images first with"
                    + " ./mvnw -B -pl infra -am verify -Pimages,local-base (ADR 0024)");
        }
        return new OciImageTar(tar);
    }

    /** The name and tag the image was built as ({@code org.opencontainers.image.ref.name}). */
    String refName() {
        return index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asString();
    }

    /** The image's run configuration: User, Entrypoint, Env, ExposedPorts, Labels, WorkingDir. */
    JsonNode runConfig() {
        return config.path("config");
    }

    /** What produced each layer, in order (Jib writes "dependencies", "classes", ...). */
    List<String> layerComments() {
        List<String> comments = new ArrayList<>();
        config.path("history").forEach(h -> {
            if (!h.path("empty_layer").asBoolean(false)) {
                comments.add(h.path("comment").asString(h.path("created_by").asString()));
            }
        });
        return comments;
    }

    /** Each layer's entries, by path without a leading "./" or "/", in layer order. */
    List<Map<String, TarArchiveEntry>> layers() {
        List<Map<String, TarArchiveEntry>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
            withLayer(layer, in -> {
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    entries.put(normalise(entry.getName()), entry);
                }
            });
            layers.add(entries);
        }
        return layers;
    }

    /**
     * The root filesystem a container would see: every layer applied in order into {@code root}
     * (Jib's layers delete nothing, so there are no whiteouts to apply). With {@code keepOwners}
     * (which needs root) files keep the owners the layers give them, as in a container.
     */
    void extractTo(Path root, boolean keepOwners) {
        for (JsonNode layer : manifest.path("layers")) {
            withLayer(layer, in -> {
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    extract(in, entry, root);
                    Path target = root.resolve(normalise(entry.getName()));
                    if (keepOwners && !entry.isSymbolicLink()) {
                        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId());
                        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId());
                    }
                }
            });
        }
    }

    private static void extract(TarArchiveInputStream in, TarArchiveEntry entry, Path root) throws IOException {
        Path target = root.resolve(normalise(entry.getName())).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("layer entry outside the root: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            return;
        } else if (entry.isLink()) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createLink(target, root.resolve(normalise(entry.getLinkName())));
            return;
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
    }

    /** The rwx bits only: Java cannot set the sticky bit (/tmp's), which one process does not need. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private interface LayerReader {
        void read(TarArchiveInputStream in) throws IOException;
    }

    private void withLayer(JsonNode layer, LayerReader reader) {
        String mediaType = layer.path("mediaType").asString();
        try (TarFile outer = new TarFile(tar.toFile())) {
            TarArchiveEntry blob = entry(outer, blobPath(layer.path("digest").asString()));
            InputStream raw = outer.getInputStream(blob);
            InputStream content = mediaType.endsWith("gzip") ? GzipCompressorInputStream.builder().setInputStream(raw).get() : raw;
            try (TarArchiveInputStream in = new TarArchiveInputStream(content)) {
                reader.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading layer " + layer.path("digest").asString() + " of " + tar, e);
        }
    }

    private JsonNode json(String name) {
        try (TarFile outer = new TarFile(tar.toFile()); InputStream in = outer.getInputStream(entry(outer, name))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " from " + tar, e);
        }
    }

    private TarArchiveEntry entry(TarFile outer, String name) {
        return outer.getEntries().stream()
                .filter(e -> normalise(e.getName()).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(tar + " has no " + name + ": not an OCI image layout"));
    }

    private static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static String normalise(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
