package io.dharma.operations.web;

import java.util.List;

import io.dharma.kafka.outbox.Outbox;
import io.dharma.kafka.outbox.SetAsideRow;
import io.dharma.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox rows Kafka refused for good (too large, unserializable), newest first, for
 * platform-admins: each was committed with its business change but will never be published, so an
 * operator has to decide what becomes of it. Counted by {@code dharma.outbox.refused{topic}}.
 */
@RestController
class SetAsideEventsController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1_000;

    record SetAsideList(List<SetAsideRow> items) {
    }

    private final Outbox outbox;

    SetAsideEventsController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/operations/outbox/set-aside")
    SetAsideList setAside(@RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(OperationsApiError.INVALID_QUERY, "limit must be between 1 and " + MAX_PAGE);
        }
        return new SetAsideList(outbox.setAside(limit));
    }
}
