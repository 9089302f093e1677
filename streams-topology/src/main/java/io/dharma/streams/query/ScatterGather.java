package io.dharma.streams.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.dharma.streams.runtime.StateUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists a store's entries through one of its index stores across every instance: this instance's
 * partitions locally, every other host's through its query API with {@code X-Dharma-State-Scope:
 * local}. The answer is given only when the partitions answered are exactly all of the store's;
 * otherwise the list is unavailable.
 */
public final class ScatterGather {

    private final StateQueries queries;
    private final InstanceForwarding forwarding;
    private final JsonMapper json;

    public ScatterGather(StateQueries queries, InstanceForwarding forwarding, JsonMapper json) {
        this.queries = queries;
        this.forwarding = forwarding;
        this.json = json;
    }

    /** A page of items in key order; {@code more} when items after the last one exist. */
    public record Gathered<T>(List<T> items, boolean more) {
    }

    /**
     * Which entries to list: those {@code index} lists under {@code prefix}, after {@code startKey}
     * (or from it, when {@code includeStart}), matching {@code filter}.
     */
    public record Listing<V>(String index, String store, String prefix, String startKey, boolean includeStart,
            Predicate<V> filter) {

        /** The entries after {@code afterKey} (all when null). */
        public static <V> Listing<V> after(String index, String store, String prefix, String afterKey, Predicate<V> filter) {
            return new Listing<>(index, store, prefix, afterKey, false, filter);
        }

        /** The entries from {@code startKey} on, itself included (all when null). */
        public static <V> Listing<V> from(String index, String store, String prefix, String startKey, Predicate<V> filter) {
            return new Listing<>(index, store, prefix, startKey, true, filter);
        }
    }

    /** This instance's part: matching store entries, turned into items. */
    public <V, T> LocalScanResponse<T> local(Listing<V> listing, int limit, Function<KeyValue<String, V>, List<T>> toItems) {
        StateQueries.LocalScan<V> scan = queries.scanLocalIndex(listing.index(), listing.store(), listing.prefix(),
                listing.startKey(), listing.includeStart(), listing.filter(), limit);
        List<T> items = scan.entries().stream().flatMap(entry -> toItems.apply(entry).stream()).toList();
        return new LocalScanResponse<>(scan.partitions(), items);
    }

    /**
     * The whole store's matching items, in {@code order}, at most {@code limit}. {@code order} must
     * sort by store key first, so a page is the same whichever instances answered it. The listing
     * already holds the caller's tenant; {@code request} is only what is passed on to the other hosts
     * (its path, query and credential), which apply the same filter to their part.
     */
    public <V, T> Gathered<T> everywhere(HttpServletRequest request, Listing<V> listing, int limit,
            Function<KeyValue<String, V>, List<T>> toItems, Class<T> itemType, Comparator<T> order) {
        int fetch = limit == Integer.MAX_VALUE ? limit : limit + 1;
        LocalScanResponse<T> local = local(listing, fetch, toItems);
        String index = listing.index();
        Set<Integer> partitions = new TreeSet<>(local.partitions());
        List<T> items = new ArrayList<>(local.items());
        JavaType remoteType = json.getTypeFactory().constructParametricType(LocalScanResponse.class, itemType);
        for (HostInfo host : queries.otherHosts(index)) {
            LocalScanResponse<T> remote = json.readValue(forwarding.localScan(host, request), remoteType);
            partitions.addAll(remote.partitions());
            items.addAll(remote.items());
        }
        int expected = queries.partitionCount(index);
        if (!partitions.equals(new TreeSet<>(IntStream.range(0, expected).boxed().toList()))) {
            throw new StateUnavailableException(index + ": partitions " + partitions + " answered of " + expected
                    + " (rebalancing)");
        }
        items.sort(order);
        boolean more = items.size() > limit;
        return new Gathered<>(more ? List.copyOf(items.subList(0, limit)) : List.copyOf(items), more);
    }
}
