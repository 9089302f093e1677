package io.dharma.security.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys in the {@code security} schema. A key reads {@code dharma_<key id>_<secret>}; the id
 * names it in lists and revocations, and only the hash of the whole key is stored, so a key is
 * shown once, at creation. Last use is recorded at most once a minute per key.
 */
public class ApiKeyStore {

    private static final HexFormat HEX = HexFormat.of();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyStore(JdbcClient db, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs {@code work} in one database transaction, so a key change and its audit record commit together. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** A new key; the returned secret is the only copy. */
    public Created create(String tenant, String role, String name, String createdBy, Instant expiresAt) {
        String keyId = hex(6);
        String secret = "dharma_" + keyId + "_" + hex(32);
        insert(keyId, secret, tenant, role, name, createdBy, expiresAt);
        return new Created(secret, find(keyId).orElseThrow());
    }

    /** Registers a key whose value was chosen outside (the bootstrap key from the environment). */
    public ApiKey register(String secret, String keyId, String tenant, String role, String name) {
        db.sql("""
                INSERT INTO security.api_key (key_id, secret_hash, tenant, role, name, created_by, created_at)
                VALUES (:keyId, :hash, :tenant, :role, :name, 'bootstrap', :now)
                ON CONFLICT (key_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, revoked_at = NULL,
                    tenant = EXCLUDED.tenant, role = EXCLUDED.role, expires_at = NULL""")
                .param("keyId", keyId).param("hash", hash(secret)).param("tenant", tenant).param("role", role)
                .param("name", name).param("now", Timestamp.from(clock.instant()))
                .update();
        return find(keyId).orElseThrow();
    }

    private void insert(String keyId, String secret, String tenant, String role, String name, String createdBy,
            Instant expiresAt) {
        db.sql("""
                INSERT INTO security.api_key (key_id, secret_hash, tenant, role, name, created_by, created_at, expires_at)
                VALUES (:keyId, :hash, :tenant, :role, :name, :createdBy, :now, :expiresAt)""")
                .param("keyId", keyId).param("hash", hash(secret)).param("tenant", tenant).param("role", role)
                .param("name", name).param("createdBy", createdBy).param("now", Timestamp.from(clock.instant()))
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    /** The live key with this secret, recording its use. */
    public Optional<ApiKey> authenticate(String secret) {
        Instant now = clock.instant();
        Optional<ApiKey> key = db.sql("SELECT * FROM security.api_key WHERE secret_hash = :hash")
                .param("hash", hash(secret))
                .query(ApiKeyStore::row).optional()
                .filter(found -> found.isLive(now));
        key.filter(found -> found.lastUsedAt() == null
                        || found.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY)))
                .ifPresent(found -> db.sql("UPDATE security.api_key SET last_used_at = :now WHERE key_id = :keyId")
                        .param("now", Timestamp.from(now)).param("keyId", found.keyId()).update());
        return key;
    }

    public Optional<ApiKey> find(String keyId) {
        return db.sql("SELECT * FROM security.api_key WHERE key_id = :keyId")
                .param("keyId", keyId).query(ApiKeyStore::row).optional();
    }

    public List<ApiKey> list(String tenant) {
        return db.sql("SELECT * FROM security.api_key WHERE tenant = :tenant ORDER BY created_at, key_id")
                .param("tenant", tenant).query(ApiKeyStore::row).list();
    }

    /** The tenant's keys that still authenticate: not revoked, not expired. */
    public long countLive(String tenant) {
        return db.sql("""
                SELECT count(*) FROM security.api_key
                WHERE tenant = :tenant AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("tenant", tenant).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public boolean anyLive(String role) {
        return db.sql("""
                SELECT count(*) FROM security.api_key
                WHERE role = :role AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("role", role).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
    }

    /** Revokes a key of this tenant; false when there is none (or it is another tenant's). */
    public boolean revoke(String tenant, String keyId) {
        return db.sql("""
                UPDATE security.api_key SET revoked_at = coalesce(revoked_at, :now)
                WHERE key_id = :keyId AND tenant = :tenant""")
                .param("now", Timestamp.from(clock.instant())).param("keyId", keyId).param("tenant", tenant)
                .update() == 1;
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HEX.formatHex(value);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiKey(rs.getString("key_id"), rs.getString("tenant"), rs.getString("role"), rs.getString("name"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A newly created key: its secret, shown once, and what is stored about it. */
    public record Created(String secret, ApiKey key) {
    }
}
