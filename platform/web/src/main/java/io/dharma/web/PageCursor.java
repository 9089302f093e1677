package io.dharma.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code cursor} of a paged list: the position of the last item served, as URL-safe Base64, so
 * that a client passes it back as it got it and never builds one.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} carries; {@link #invalid} when it is not Base64 at all. */
    public static String decode(String cursor, ApiError invalidQuery) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(invalidQuery);
        }
    }

    /** The answer to a cursor this API did not return (400 with the API's own invalid-query error). */
    public static ApiException invalid(ApiError invalidQuery) {
        return new ApiException(invalidQuery, "cursor is not one this API returned");
    }
}
