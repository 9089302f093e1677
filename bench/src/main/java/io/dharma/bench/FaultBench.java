package io.dharma.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dharma.topics.DharmaTopicNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The fault suite: the platform split into separate processes ({@link FaultTopology}), a steady
 * submission load, and in turn a kill -9 of the Kafka broker, of PostgreSQL (during a burst of
 * submissions), of the streams application and of the whole platform, each restarted on the same
 * ports and data, then a PostgreSQL outage of {@code --outage}. After each fault the bench drains
 * and counts, per fault (each its own tenant): the submissions accepted (202) against what reached
 * {@value DharmaTopicNames#BLUEPRINTS} (lost: accepted, never published; the same eventId on the
 * topic twice), against how their deployments ended on {@value DharmaTopicNames#DEPLOYMENTS} and
 * what the sandbox created (a resource created twice), and the records on every dead-letter topic.
 * Target: nothing lost, nothing created or ended twice, every deployment ends, no dead letter.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "kill -9 of the broker, PostgreSQL, the streams application and the whole platform under a steady "
                + "submission load, then a PostgreSQL outage: accepted vs published vs deployed vs created (split-process "
                + "platform on loopback, zero-latency sandbox).")
final class FaultBench implements Callable<Integer> {

    /** A fault: what is killed, how long it stays down and what brings it back. */
    enum Fault {
        BROKER("kill -9 Kafka broker"),
        POSTGRES("kill -9 PostgreSQL in a burst"),
        STREAMS("kill -9 streams application"),
        PLATFORM("kill -9 whole platform"),
        POSTGRES_OUTAGE("PostgreSQL outage");

        final String label;

        Fault(String label) {
            this.label = label;
        }
    }

    @Option(names = "--faults", split = ",", defaultValue = "BROKER,POSTGRES,STREAMS,PLATFORM,POSTGRES_OUTAGE",
            description = "Faults to inject, in order (default ${DEFAULT-VALUE}).")
    List<Fault> faults;

    @Option(names = "--rate", defaultValue = "2", description = "Submissions per second during each fault (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--before", defaultValue = "PT10S", description = "Load before each kill (default ${DEFAULT-VALUE}).")
    Duration before;

    @Option(names = "--down", defaultValue = "PT5S", description = "How long a killed component stays down before its "
            + "restart (default ${DEFAULT-VALUE}).")
    Duration down;

    @Option(names = "--outage", defaultValue = "PT60S", description = "How long PostgreSQL stays down in the outage "
            + "(default ${DEFAULT-VALUE}).")
    Duration outage;

    @Option(names = "--after", defaultValue = "PT10S", description = "Load after each restart (default ${DEFAULT-VALUE}).")
    Duration after;

    @Option(names = "--burst", defaultValue = "40", description = "Submissions sent at once just before PostgreSQL is "
            + "killed (default ${DEFAULT-VALUE}).")
    int burst;

    @Option(names = "--drain", defaultValue = "PT600S", description = "Longest wait after each fault for every accepted "
            + "submission to be published and its deployment to end (default ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--stall", defaultValue = "PT60S", description = "The wait also ends when no submission was published "
            + "or ended for this long: what is left then is stuck, not slow (default ${DEFAULT-VALUE}).")
    Duration stall;

    @Mixin
    BlueprintOption blueprint;

    /** One row of the table. */
    record Row(Fault fault, String tenant, int accepted, long refused, long lost, long duplicateRecords, long publishedTwice,
               long deployed, long notEnded, long endedTwice, long resources, long createdTwice, long deadLetters,
               String restart) {
    }

    @Override
    public Integer call() throws Exception {
        BlueprintTemplate template = blueprint.template();
        // The bench's own clients say every second that a killed broker is away; that is the point, not news.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        System.out.println(Machine.describe());
        List<Row> rows = new ArrayList<>();
        try (FaultTopology topology = FaultTopology.start();
                FaultLedger ledger = FaultLedger.follow(topology.bootstrapServers(), topology.registryUrl(), topology.jdbcUrl())) {
            System.out.println("faults: processes under " + topology.home() + " (logs/ has each start's output)");
            long deadLetters = ledger.deadLetters();
            for (Fault fault : faults) {
                Row row = inject(fault, topology, ledger, template, deadLetters);
                deadLetters += row.deadLetters();
                rows.add(row);
                System.out.println("  " + describe(row));
            }
            // The read side is asked last, after every fault: a streams application still restoring right after its own kill has caught up by then.
            List<Long> stateViews = new ArrayList<>();
            for (Row row : rows) {
                stateViews.add(StateView.succeeded(topology.streamsUrl(), row.tenant(), row.deployed()));
            }
            print(rows, stateViews);
        }
        boolean clean = rows.stream().allMatch(r -> r.lost() == 0 && r.createdTwice() == 0 && r.notEnded() == 0
                && r.endedTwice() == 0 && r.publishedTwice() == 0 && r.deadLetters() == 0);
        return clean ? 0 : 1;
    }

    private Row inject(Fault fault, FaultTopology topology, FaultLedger ledger, BlueprintTemplate template, long deadLettersBefore)
            throws Exception {
        String tenant = "faults-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        System.out.printf("%s: %d/s as tenant %s, %s load, then the fault%n", fault.label, rate, tenant, before);
        String restart;
        List<String> accepted;
        FaultLoad load = FaultLoad.start(topology.apiUrl(), tenant, template, rate, 64);
        try {
            Thread.sleep(before);
            long killedAt = System.nanoTime();
            ComponentProcess killed = kill(fault, topology, load);
            Thread.sleep(fault == Fault.POSTGRES_OUTAGE ? outage : down);
            long restartFrom = System.nanoTime();
            topology.restart(killed);
            long ready = System.nanoTime();
            restart = "down %.0f s, restart %.0f s".formatted((restartFrom - killedAt) / 1e9, (ready - restartFrom) / 1e9);
            Thread.sleep(after);
        } finally {
            load.close();
        }
        accepted = load.accepted();
        long drainFrom = System.nanoTime();
        long deadline = drainFrom + drain.toNanos();
        long progressAt = drainFrom;
        long left = pending(accepted, ledger);
        while (left > 0 && System.nanoTime() < deadline && System.nanoTime() - progressAt < stall.toNanos()) {
            Thread.sleep(500);
            long now = pending(accepted, ledger);
            if (now < left) {
                progressAt = System.nanoTime();
            }
            left = now;
        }
        restart += ", drained in %.0f s".formatted((System.nanoTime() - drainFrom) / 1e9);
        FaultLedger.Inventory inventory = ledger.inventory(tenant);
        long deployed = accepted.stream().filter(t -> "DeploymentSucceeded".equals(ledger.endKind(t))).count();
        List<String> duplicated = ledger.duplicatedEventIds(accepted);
        if (!duplicated.isEmpty()) {
            restart += "; on the topic more than once: " + duplicated;
        }
        return new Row(fault, tenant, accepted.size(), load.refused().values().stream().mapToLong(Long::longValue).sum(),
                accepted.stream().filter(t -> !ledger.published(t)).count(),
                ledger.duplicateSubmittedRecords(accepted) + ledger.duplicateEndRecords(accepted),
                ledger.submittedTwice(accepted),
                deployed, accepted.stream().filter(t -> !ledger.ended(t)).count(), ledger.endedTwice(accepted),
                inventory.resources(), inventory.createdTwice(), ledger.deadLetters() - deadLettersBefore,
                restart + "; not accepted: " + load.refused());
    }

    /** Accepted submissions not yet published, plus those whose deployment has not ended. */
    private static long pending(List<String> accepted, FaultLedger ledger) {
        return accepted.stream().filter(t -> !ledger.published(t)).count() + accepted.stream().filter(t -> !ledger.ended(t)).count();
    }

    /** Kills what the fault names and returns the component to restart. */
    private ComponentProcess kill(Fault fault, FaultTopology topology, FaultLoad load) {
        return switch (fault) {
            case BROKER -> {
                topology.kafka.kill9();
                yield topology.kafka;
            }
            case POSTGRES -> {
                // Submissions in flight when the database dies: each 202 answered must be published after the restart.
                load.burst(burst);
                ComponentProcess.sleep(150);
                topology.killPostgres();
                yield topology.postgres;
            }
            case POSTGRES_OUTAGE -> {
                topology.killPostgres();
                yield topology.postgres;
            }
            case STREAMS -> {
                topology.streams().kill9();
                yield topology.streams();
            }
            case PLATFORM -> {
                topology.platform.kill9();
                yield topology.platform;
            }
        };
    }

    private static String describe(Row row) {
        return "%s: accepted %d, lost %d, deployed %d, not ended %d; %s".formatted(row.fault().label, row.accepted(), row.lost(),
                row.deployed(), row.notEnded(), row.restart());
    }

    private static void print(List<Row> rows, List<Long> stateViews) {
        String format = "%-30s %8s %8s %5s %9s %10s %8s %9s %11s %9s %9s %13s %11s%n";
        System.out.println();
        System.out.printf(format, "fault", "accepted", "refused", "lost", "dup rec.", "published2", "deployed",
                "not ended", "ended twice", "state view", "resources", "created twice", "DLT records");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            System.out.printf(format, r.fault().label, r.accepted(), r.refused(), r.lost(), r.duplicateRecords(),
                    r.publishedTwice(), r.deployed(), r.notEnded(), r.endedTwice(), stateViews.get(i), r.resources(),
                    r.createdTwice(), r.deadLetters());
        }
        System.out.println("""
                accepted: answered 202; refused: any other answer or none (the component was down); lost: accepted, no \
                BlueprintSubmitted on %s after the drain; dup rec.: the same eventId on %s or of a deployment's end on %s \
                more than once (the relay re-sends a batch whose marking \
                did not commit, by design: consumers deduplicate by eventId); published2: a submission published as two events; deployed: DeploymentSucceeded; \
                not ended: no terminal deployment event; ended twice: two terminal events of one submission; state view: SUCCEEDED blueprints in the \
                streams application's summary of the tenant, asked after the last fault (should equal deployed); resources: \
                the sandbox's inventory of the fault's tenant; created twice: resources with two CREATE entries in the \
                sandbox's audit log; DLT records: new records on every *.dlt topic during the fault."""
                .formatted(DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.DEPLOYMENTS));
    }
}
