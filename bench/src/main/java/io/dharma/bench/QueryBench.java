package io.dharma.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dharma.streams.DharmaTopology;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Key lookups per second and their latency on the streams application's query API, with the stores holding
 * {@code --deployments} deployed blueprints: fills the stores through the real topics, waits until
 * the API shows everything, then runs concurrent clients asking for random known deployments,
 * trackings and blueprint statuses of the right tenant; then, separately, the first page of a
 * tenant's deployment list.
 */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "Requests/s and latency of the streams application's query API with the stores populated (embedded Kafka, "
                + "registry and streams application; no services).")
final class QueryBench extends Driver {

    /** A key lookup of the query API: the store that answers it, its URL and the id its body must carry. */
    enum Lookup {
        DEPLOYMENT(DharmaTopology.DEPLOYMENTS_STORE, "deploymentId", SyntheticLifecycle::deploymentId,
                id -> "/api/v1/deployments/" + id),
        TRACKING(DharmaTopology.TRACKING_STORE, "trackingId", SyntheticLifecycle::trackingId,
                id -> "/api/v1/tracking/" + id),
        BLUEPRINT_STATUS(DharmaTopology.BLUEPRINTS_STORE, "blueprintId", SyntheticLifecycle::blueprintId,
                id -> "/api/v1/blueprints/" + id + "/status");

        final String store;
        final String idField;
        final Function<SyntheticLifecycle, String> key;
        final Function<String, String> path;

        Lookup(String store, String idField, Function<SyntheticLifecycle, String> key, Function<String, String> path) {
            this.store = store;
            this.idField = idField;
            this.key = key;
            this.path = path;
        }
    }

    @Option(names = "--deployments", defaultValue = "10000", description = "Deployed blueprints in the stores (default ${DEFAULT-VALUE}).")
    int deployments;

    @Option(names = "--tenants", defaultValue = "50", description = "Tenants they are spread over (default ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--instances", defaultValue = "1",
            description = "Streams application instances; with 2 or more, a lookup sent to an instance that does not host the key is forwarded (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    /** The lookups' measured time; the list phase has its own, after the same warm-up. */
    @Mixin
    MeasuredTimeOptions time = new MeasuredTimeOptions(Duration.ofSeconds(30), Duration.ofSeconds(5));

    @Option(names = "--mix", split = ",", defaultValue = "50,40,10",
            description = "Percent of deployment, tracking and blueprint-status lookups (default ${DEFAULT-VALUE}).")
    List<Integer> mix;

    @Option(names = "--list-duration", defaultValue = "PT10S",
            description = "Measured time of the list phase (GET /api/v1/deployments?limit=50); PT0S skips it (default ${DEFAULT-VALUE}).")
    Duration listDuration;

    @Mixin
    BlueprintOption blueprint;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "Give up populating after (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    void measure() throws Exception {
        if (mix.size() != Lookup.values().length || mix.stream().mapToInt(Integer::intValue).sum() != 100
                || mix.stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("--mix takes three percentages adding up to 100, e.g. 50,40,10; got " + mix);
        }
        BlueprintOption.Valid valid = blueprint.valid();
        if (valid.blueprint().spec().resources().size() < SyntheticLifecycle.CHANGED_RESOURCES) {
            throw new IllegalArgumentException(blueprint.file + " needs at least " + SyntheticLifecycle.CHANGED_RESOURCES
                    + " resources");
        }
        QueryClient client = new QueryClient();
        try (StreamsCluster cluster = StreamsCluster.start(instances)) {
            cluster.awaitRunning(Duration.ofMinutes(2));
            CpuMeter.Snapshot cpuFrom = CpuMeter.now();
            StatePopulation.Populated populated = new StatePopulation(cluster, client)
                    .populate(deployments, tenants, valid.blueprint(), valid.document(), timeout);
            // Publishing, the broker, the fold and the one check through the API share the window: the CPU per event is theirs.
            CpuMeter.Usage foldCpu = CpuMeter.between(cpuFrom, CpuMeter.now());
            System.out.printf("queries: %d deployments over %d tenants in the stores, %d streams instance(s), %d clients%n",
                    deployments, tenants, instances, clients);
            System.out.printf("  population: %d events (%d per deployment, %s) published in %.1f s, folded (all consumed, then checked in the API) after %.1f s = %.0f events/s%n",
                    populated.events(), populated.events() / deployments, blueprint.file,
                    seconds(populated.published()), seconds(populated.folded()),
                    populated.events() / seconds(populated.folded()));
            foldCpu.perOperation(populated.events(), "event (published and folded)").forEach(System.out::println);
            figures.rate("state fold, %d deployments".formatted(deployments), populated.events() / seconds(populated.folded()),
                    "events/s", foldCpu, populated.events());

            LoadPhase.Result lookups = new LoadPhase(client, time.closedLoop(clients)).run(lookupProbes(cluster, populated));
            System.out.printf("  lookups (%d%% deployment, %d%% tracking, %d%% blueprint status), %s measured after %s warm-up:%n",
                    mix.get(0), mix.get(1), mix.get(2), time.duration, time.warmup);
            print(lookups, instances > 1);
            figures.rate("query lookups, %d deployments".formatted(deployments), lookups.perSecond(), "req/s", lookups.cpu(),
                    lookups.requests());
            figures.latencyMs("query lookup p99, %d deployments".formatted(deployments),
                    lookups.latencies().getValueAtPercentile(99) / 1000.0);

            if (!listDuration.isZero()) {
                LoadPhase.Result lists = new LoadPhase(client, new ClosedLoop(clients, time.warmup, listDuration)).run(listProbes(cluster, populated));
                System.out.printf("  list (GET /api/v1/deployments?limit=50, first page of a random tenant%s), %s measured after %s warm-up:%n",
                        instances > 1 ? ", gathered from every instance" : "", listDuration, time.warmup);
                print(lists, false);
                figures.rate("tenant's first page, %d deployments".formatted(deployments), lists.perSecond(), "pages/s",
                        lists.cpu(), lists.requests());
                figures.latencyMs("tenant's first page p99, %d deployments".formatted(deployments),
                        lists.latencies().getValueAtPercentile(99) / 1000.0);
            }
        }
    }

    private Supplier<LoadPhase.Probe> lookupProbes(StreamsCluster cluster,
            StatePopulation.Populated populated) {
        List<SyntheticLifecycle> lifecycles = populated.lifecycles();
        // Which instance hosts each key, from Kafka Streams metadata, to tell forwarded requests apart.
        Map<Lookup, int[]> hosts = new HashMap<>();
        for (Lookup lookup : Lookup.values()) {
            int[] host = new int[lifecycles.size()];
            for (int i = 0; i < lifecycles.size(); i++) {
                host[i] = cluster.hostOf(lookup.store, lookup.key.apply(lifecycles.get(i)));
            }
            hosts.put(lookup, host);
        }
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int index = random.nextInt(lifecycles.size());
            SyntheticLifecycle lifecycle = lifecycles.get(index);
            Lookup lookup = lookupFor(random.nextInt(100));
            int instance = random.nextInt(cluster.size());
            String id = lookup.key.apply(lifecycle);
            return new LoadPhase.Probe(lookup.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    cluster.baseUrl(instance) + lookup.path.apply(id), lifecycle.tenantId(),
                    answer -> id.equals(answer.field(lookup.idField)), hosts.get(lookup)[index] != instance);
        };
    }

    private Lookup lookupFor(int percentile) {
        int bound = 0;
        for (Lookup lookup : Lookup.values()) {
            bound += mix.get(lookup.ordinal());
            if (percentile < bound) {
                return lookup;
            }
        }
        throw new IllegalStateException("mix does not add up to 100");
    }

    private Supplier<LoadPhase.Probe> listProbes(StreamsCluster cluster,
            StatePopulation.Populated populated) {
        Map<String, Integer> perTenant = new HashMap<>();
        populated.lifecycles().forEach(lifecycle -> perTenant.merge(lifecycle.tenantId(), 1, Integer::sum));
        List<String> tenantIds = populated.tenants();
        return () -> {
            String tenant = LoadPhase.pick(tenantIds);
            int expected = Math.min(50, perTenant.getOrDefault(tenant, 0));
            int instance = ThreadLocalRandom.current().nextInt(cluster.size());
            return new LoadPhase.Probe("list", cluster.baseUrl(instance) + "/api/v1/deployments?limit=50", tenant,
                    answer -> answer.json().path("items").size() == expected, false);
        };
    }

    private static void print(LoadPhase.Result result, boolean showForwarded) {
        System.out.printf("    requests: %d = %.1f req/s; errors: %d%s%n", result.requests(), result.perSecond(),
                result.errorCount(), result.errors().isEmpty() ? "" : " " + result.errors());
        if (showForwarded) {
            System.out.printf("    forwarded to the hosting instance: %d (%.1f%%)%n", result.forwarded(),
                    100.0 * result.forwarded() / Math.max(1, result.requests()));
        }
        System.out.println("    latency " + Latencies.summary(result.latencies()));
        result.cpu().perOperation(result.requests(), "request").forEach(line -> System.out.println("  " + line));
        if (result.latenciesByKind().size() > 1) {
            for (Map.Entry<String, Histogram> kind : result.latenciesByKind().entrySet()) {
                System.out.printf("      %-17s %7d requests, %s%n", kind.getKey(), kind.getValue().getTotalCount(),
                        Latencies.summary(kind.getValue()));
            }
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
