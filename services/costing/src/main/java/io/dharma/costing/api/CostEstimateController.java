package io.dharma.costing.api;

import io.dharma.blueprint.Blueprint;
import io.dharma.costing.CostEstimator;
import io.dharma.costing.events.CostEstimatedEvents;
import io.dharma.events.CostEstimateView;
import io.dharma.web.BlueprintBodies;
import io.dharma.web.Caller;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/costs/estimate}: what a blueprint would cost per month, priced now and kept
 * nowhere (the dry run, ADR 0026). The same {@link CostEstimator#estimate} costing's reaction to
 * {@code BlueprintSubmitted} calls, mapped to the event's content and answered in the shape of the
 * stored estimate ({@link CostEstimateView}, decimal strings at the event's scales), so the
 * estimate is the one a submission publishes, written the same way.
 */
@RestController
public class CostEstimateController {

    private final CostEstimator estimator;
    private final Clock clock = Clock.systemUTC();

    public CostEstimateController(CostEstimator costingEstimator) {
        this.estimator = costingEstimator;
    }

    @PostMapping(path = "/api/v1/costs/estimate", produces = MediaType.APPLICATION_JSON_VALUE)
    CostEstimateView estimate(Caller caller, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody byte[] body) {
        Blueprint blueprint = BlueprintBodies.validBlueprint(body, contentType);
        return CostEstimateView.unpublished(CostEstimatedEvents.content(estimator.estimate(blueprint)), clock.instant());
    }
}
