package io.dharma.notifier.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts subscription secrets (webhook signing secrets, Jira and ServiceNow credentials) with
 * AES-256-GCM under the key of {@code dharma.notifier.encryption-key}. The subscription id is the
 * associated data, so a ciphertext copied onto another subscription's row does not decrypt. Stored
 * as the 12-byte nonce followed by the ciphertext and its tag.
 */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From the configured base64 key; fails start-up, naming the property, when it is missing or not 32 bytes. */
    public static SecretCipher fromConfiguredKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("dharma.notifier.encryption-key is not set: the notifier encrypts subscription"
                    + " secrets with it. Set DHARMA_NOTIFIER_ENCRYPTION_KEY to the base64 of 32 random bytes"
                    + " (openssl rand -base64 32); keep it with the database's backups");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dharma.notifier.encryption-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("dharma.notifier.encryption-key must be 32 bytes (AES-256) but is " + key.length);
        }
        return new SecretCipher(key);
    }

    public byte[] encrypt(UUID subscriptionId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(subscriptionId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a subscription secret", e);
        }
    }

    public String decrypt(UUID subscriptionId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(subscriptionId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of subscription " + subscriptionId
                    + " (was dharma.notifier.encryption-key changed?)");
        }
    }

    private static byte[] associatedData(UUID subscriptionId) {
        return subscriptionId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
