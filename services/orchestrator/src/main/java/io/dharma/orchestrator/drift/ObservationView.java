package io.dharma.orchestrator.drift;

import java.util.List;

/** The answer of {@code POST /api/v1/drift/observe}. */
record ObservationView(int stacksObserved, int stacksSkipped, int stacksFailed, int resourcesObserved,
        List<ObservationReport.StackObservation> stacks) {

    static ObservationView of(ObservationReport report) {
        return new ObservationView(report.stacksObserved(), report.stacksSkipped(), report.stacksFailed(),
                report.resourcesObserved(), report.stacks());
    }
}
