package io.dharma.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh-token families (tables {@code refresh_token_families}, {@code refresh_tokens}): every
 * refresh token ever issued, by SHA-256 hash, with the login it belongs to. The authorization
 * server keeps only a login's current token; a token found here but not there was rotated away,
 * and whoever presents it may have stolen it (OAuth 2.0 Security BCP, section 4.14.2).
 *
 * <p>Revoking a family deletes its authorizations, so neither the stale token nor the current
 * one can be refreshed again; access tokens already issued run out within their TTL.
 */
public class TokenFamilies {

    /** The authorization attribute naming the family (the id of the login's first authorization). */
    public static final String ATTRIBUTE = "dharma.token-family";

    private static final RowMapper<TokenFamily> FAMILY =
            (rs, row) -> new TokenFamily(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));

    private final JdbcClient db;
    private final TransactionTemplate transactions;

    public TokenFamilies(JdbcClient db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /** Records a refresh token issued to a family, creating the family on its first token. */
    void issued(String familyId, String username, String clientId, String authorizationId, String refreshToken,
            Instant expiresAt) {
        int created = db.sql("""
                        INSERT INTO refresh_token_families (family_id, username, tenant, client_id)
                        VALUES (:family, :username, (SELECT tenant FROM users WHERE username = :username), :client)
                        ON CONFLICT (family_id) DO NOTHING""")
                .param("family", familyId).param("username", username).param("client", clientId)
                .update();
        if (created == 1) {
            // A rotated-away token past its expiry could not be refreshed anyway: forget it.
            db.sql("DELETE FROM refresh_tokens WHERE expires_at < now()").update();
        }
        db.sql("""
                        INSERT INTO refresh_tokens (token_hash, family_id, authorization_id, expires_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING""")
                .params(hash(refreshToken), familyId, authorizationId, Timestamp.from(expiresAt))
                .update();
    }

    /** The family a refresh token was issued to, if this server issued it (current or rotated away). */
    public Optional<TokenFamily> familyOf(String refreshToken) {
        return db.sql("""
                        SELECT f.family_id, f.username, f.tenant, f.client_id
                        FROM refresh_tokens t JOIN refresh_token_families f USING (family_id)
                        WHERE t.token_hash = ?""")
                .param(hash(refreshToken))
                .query(FAMILY)
                .optional();
    }

    public boolean isRevoked(String familyId) {
        return db.sql("SELECT revoked_at IS NOT NULL FROM refresh_token_families WHERE family_id = ?")
                .param(familyId).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Revokes a family: marks it and deletes every authorization of it.
     *
     * @return the family if this call revoked it; empty if it was revoked already (or unknown)
     */
    public Optional<TokenFamily> revoke(String familyId, String reason) {
        return transactions.execute(status -> {
            Optional<TokenFamily> revoked = markRevoked("family_id", familyId, reason).optional();
            db.sql("""
                            DELETE FROM oauth2_authorization
                            WHERE id = :family OR id IN (SELECT authorization_id FROM refresh_tokens WHERE family_id = :family)""")
                    .param("family", familyId).update();
            return revoked;
        });
    }

    /** Revokes every login of a user, finished or still waiting for approval. */
    public List<TokenFamily> revokeAllOf(String username, String reason) {
        return transactions.execute(status -> {
            List<TokenFamily> revoked = markRevoked("username", username, reason).list();
            db.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(username).update();
            return revoked;
        });
    }

    /** Marks the unrevoked families whose {@code column} is {@code value} as revoked; the query returns them. */
    private JdbcClient.MappedQuerySpec<TokenFamily> markRevoked(String column, String value, String reason) {
        return db.sql("""
                        UPDATE refresh_token_families SET revoked_at = now(), revoked_by = ?
                        WHERE %s = ? AND revoked_at IS NULL
                        RETURNING family_id, username, tenant, client_id""".formatted(column))
                .params(reason, value)
                .query(FAMILY);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
