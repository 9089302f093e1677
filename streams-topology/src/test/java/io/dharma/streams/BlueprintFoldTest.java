package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.TrackingView;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The blueprints store receives the tracking views of a blueprint's versions through a
 * repartition: each tracking's views in order, but interleaved with the others' in any way.
 */
class BlueprintFoldTest {

    private final LifecycleStory v1 = new LifecycleStory();
    private final LifecycleStory v2 = v1.nextVersion();

    @Test
    void everyInterleavingOfTwoVersionsGivesTheSameBlueprintView() {
        List<TrackingView> first = snapshots(v1.submitted(), v1.cost(3, "9.9900"), v1.requested(4),
                v1.applying(7), v1.succeeded(10, 1));
        List<TrackingView> second = snapshots(v2.submitted(), v2.cost(3, "20.0000"), v2.requested(4),
                v2.planning(5), v2.applying(7));

        List<BlueprintView> results = new ArrayList<>();
        interleave(first, 0, second, 0, new ArrayList<>(), results);

        assertThat(results).hasSize(252); // C(10, 5)
        BlueprintView expected = results.getFirst();
        assertThat(results).allMatch(expected::equals);
        assertThat(expected.getLatestVersion()).isEqualTo(2);
        assertThat(expected.getLatestTrackingId()).isEqualTo(v2.trackingId);
        assertThat(expected.getStatus()).isEqualTo("APPLYING");
        assertThat(expected.getLastDeploymentId()).isEqualTo(v2.deploymentId);
        assertThat(expected.getLastDeploymentVersion()).isEqualTo(2);
        assertThat(expected.getLastDeploymentStatus()).isEqualTo("APPLYING");
        assertThat(expected.getDeployedVersion()).isEqualTo(1);
        assertThat(expected.getDeployedMonthly()).isEqualByComparingTo("9.99");
        assertThat(expected.getUpdatedAt()).isEqualTo(v2.time(7));
    }

    @Test
    void aRepeatedViewChangesNothing() {
        List<TrackingView> views = snapshots(v1.submitted(), v1.requested(4), v1.succeeded(10, 1));
        BlueprintView view = null;
        for (TrackingView tracking : views) {
            view = BlueprintFold.apply(view, tracking);
            assertThat(BlueprintFold.apply(view, tracking)).isSameAs(view);
        }
    }

    /** The successive tracking views the tracking store forwards for these events. */
    private static List<TrackingView> snapshots(SpecificRecord... events) {
        List<TrackingView> views = new ArrayList<>();
        TrackingView view = null;
        for (SpecificRecord event : events) {
            view = TrackingFold.apply(view, TrackingFold.stepOf(event));
            views.add(view);
        }
        return views;
    }

    private static void interleave(List<TrackingView> a, int i, List<TrackingView> b, int j,
                                   List<TrackingView> order, List<BlueprintView> results) {
        if (i == a.size() && j == b.size()) {
            BlueprintView view = null;
            for (TrackingView tracking : order) {
                view = BlueprintFold.apply(view, tracking);
            }
            results.add(view);
            return;
        }
        if (i < a.size()) {
            order.add(a.get(i));
            interleave(a, i + 1, b, j, order, results);
            order.removeLast();
        }
        if (j < b.size()) {
            order.add(b.get(j));
            interleave(a, i, b, j + 1, order, results);
            order.removeLast();
        }
    }
}
