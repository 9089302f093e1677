package io.dharma.streams.query;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * Answers a request for one key of a store: from here when this instance hosts it, else through
 * the instance that does. Another tenant's entry is answered as absent.
 */
public final class KeyLookups {

    private final StateQueries queries;
    private final InstanceForwarding forwarding;

    public KeyLookups(StateQueries queries, InstanceForwarding forwarding) {
        this.queries = queries;
        this.forwarding = forwarding;
    }

    /**
     * @param tenant the caller's tenant (from its credential); only its entries are answered
     * @param request the request, passed on as it came when another instance hosts the key
     * @param tenantOf the tenant owning a stored value
     * @param render the response body for a value the caller may see
     * @param whenAbsent what to answer when this instance hosts the key but has no value for the
     *        caller (404 when empty)
     */
    public <V> ResponseEntity<?> answer(String tenant, HttpServletRequest request, String store, String key,
            Function<V, String> tenantOf, Function<V, Object> render, Supplier<? extends Optional<?>> whenAbsent,
            Supplier<? extends RuntimeException> notFound) {
        return switch (queries.<V>find(store, key)) {
            case StateQueries.Located.Elsewhere<V> elsewhere -> forwarding.forward(elsewhere.host(), request);
            case StateQueries.Located.Here<V> here -> {
                if (here.value() != null && tenant.equals(tenantOf.apply(here.value()))) {
                    yield ResponseEntity.ok(render.apply(here.value()));
                }
                yield ResponseEntity.ok(whenAbsent.get().orElseThrow(notFound));
            }
        };
    }
}
