package io.dharma.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA keys that sign tokens (table {@code signing_keys}). The first instance to start
 * generates the key and stores it; every instance, and every restart, signs with that same key, so
 * tokens outlive the process that issued them. Two instances starting at once cannot both create
 * one: at most one row is active (a unique index), and each uses the row that won.
 *
 * <p>The private key is stored as a JWK in the identity schema; whoever reads that schema can
 * mint tokens, so its access is the key's protection (an HSM or KMS would replace this class).
 */
public final class SigningKeys {

    private static final int KEY_SIZE = 2048;

    private final RSAKey active;
    private final JWKSet published;

    private SigningKeys(RSAKey active, JWKSet published) {
        this.active = active;
        this.published = published;
    }

    /** Loads the active key, generating and storing it on the very first start. */
    public static SigningKeys load(JdbcClient db) {
        List<RSAKey> keys = stored(db);
        if (keys.isEmpty()) {
            RSAKey generated = generate();
            db.sql("INSERT INTO signing_keys (kid, jwk, active) VALUES (?, ?, true) ON CONFLICT DO NOTHING")
                    .params(generated.getKeyID(), generated.toJSONString())
                    .update();
            keys = stored(db);
        }
        return new SigningKeys(keys.getFirst(), new JWKSet(List.<JWK>copyOf(keys)));
    }

    private static List<RSAKey> stored(JdbcClient db) {
        return db.sql("SELECT jwk FROM signing_keys ORDER BY active DESC, created_at DESC")
                .query((rs, n) -> parse(rs.getString("jwk")))
                .list();
    }

    /** The one key tokens are signed with (private). */
    public JWKSource<SecurityContext> signing() {
        return new ImmutableJWKSet<>(new JWKSet(active));
    }

    /** Every stored key, to verify tokens; the JWK Set endpoint publishes their public halves. */
    public JWKSource<SecurityContext> published() {
        return new ImmutableJWKSet<>(published);
    }

    public String activeKeyId() {
        return active.getKeyID();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not a valid RSA JWK", e);
        }
    }
}
