package io.dharma.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The notifier's encryption key for the one-JVM launcher: generated on the first start into the
 * platform's home (owner-readable only) and read from there afterwards, so subscription secrets
 * stored by one run decrypt in the next. A deployment outside the launcher sets
 * {@code DHARMA_NOTIFIER_ENCRYPTION_KEY} itself; the notifier has no default key.
 */
final class NotifierKeyFile {

    static final String FILE = "notifier.key";

    private NotifierKeyFile() {
    }

    static String readOrCreate(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(home);
            Files.writeString(file, encoded + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the home's own permissions protect it
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the notifier's key " + file, e);
        }
    }
}
