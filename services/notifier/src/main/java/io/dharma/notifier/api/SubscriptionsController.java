package io.dharma.notifier.api;

import io.dharma.web.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions}: the caller's tenant's notification subscriptions and their
 * delivery logs. Which roles may call what is the platform's permission matrix; errors are
 * problem+json with the codes of {@link NotifierApiError}.
 */
@RestController
@RequestMapping(path = "/api/v1/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
public class SubscriptionsController {

    /** Items of a list answer, as the other list endpoints wrap them. */
    public record Items<T>(List<T> items) {
    }

    /** Body of a redelivery: one event, or every dead letter of the subscription when absent. */
    public record RedeliverRequest(String eventId) {
    }

    private final SubscriptionService service;

    SubscriptionsController(SubscriptionService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> create(Caller caller, @RequestBody(required = false) SubscriptionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.create(caller.tenant(), caller.user(), request));
    }

    @GetMapping
    Items<SubscriptionView> list(Caller caller) {
        return new Items<>(service.list(caller.tenant()));
    }

    @GetMapping("/{subscriptionId}")
    SubscriptionView get(Caller caller, @PathVariable String subscriptionId) {
        return service.get(caller.tenant(), subscriptionId);
    }

    @DeleteMapping("/{subscriptionId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String subscriptionId) {
        service.delete(caller.tenant(), subscriptionId);
        return ResponseEntity.noContent().build();
    }

    /** 202: a test notification is queued; the delivery log says how it went. */
    @PostMapping("/{subscriptionId}/test")
    ResponseEntity<Map<String, String>> test(Caller caller, @PathVariable String subscriptionId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("eventId", service.test(caller.tenant(), subscriptionId, caller.user()).toString()));
    }

    @GetMapping("/{subscriptionId}/deliveries")
    Items<DeliveryView> deliveries(Caller caller, @PathVariable String subscriptionId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
        return new Items<>(service.deliveries(caller.tenant(), subscriptionId, status, limit));
    }

    /** 202: the dead letters are pending again, with a fresh retry budget. */
    @PostMapping("/{subscriptionId}/redeliver")
    ResponseEntity<Map<String, Integer>> redeliver(Caller caller, @PathVariable String subscriptionId,
            @RequestBody(required = false) RedeliverRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("redelivered",
                service.redeliver(caller.tenant(), subscriptionId, request == null ? null : request.eventId())));
    }
}
