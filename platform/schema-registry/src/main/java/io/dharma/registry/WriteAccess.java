package io.dharma.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may change the registry: register a schema, set a compatibility level, delete a subject or
 * a version. Reads stay open to anyone who can reach the registry, as Confluent-compatible
 * consumers expect (they send no credential to fetch a schema by id). A permanent delete makes the
 * records written with that schema undecodable, so whoever hosts the registry decides who writes.
 */
@FunctionalInterface
public interface WriteAccess {

    /** Open to anyone: for tests and benchmarks on a private stack, never for {@code dharma up}. */
    WriteAccess ANYONE = request -> Verdict.GRANTED;

    /** Nobody writes: a standalone registry with no {@code dharma.registry.write-token}. */
    WriteAccess NOBODY = request -> Verdict.FORBIDDEN;

    Verdict check(HttpServletRequest request);

    enum Verdict {
        GRANTED,
        /** No credential, or one that was refused: 401. */
        UNAUTHENTICATED,
        /** A valid credential whose roles do not allow writing: 403. */
        FORBIDDEN,
        /** The credential cannot be checked yet (the platform is starting): 503. */
        UNAVAILABLE
    }

    /** Grants a request carrying {@code Authorization: Bearer <token>} (compared in constant time). */
    static WriteAccess bearer(String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        return request -> {
            String presented = bearerToken(request);
            if (presented == null) {
                return Verdict.UNAUTHENTICATED;
            }
            return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
                    ? Verdict.GRANTED : Verdict.UNAUTHENTICATED;
        };
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
