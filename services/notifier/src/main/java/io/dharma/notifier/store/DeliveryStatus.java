package io.dharma.notifier.store;

/** PENDING: to send (or being sent); DELIVERED: the target answered 2xx; DEAD: the retry budget is spent. */
public enum DeliveryStatus { PENDING, DELIVERED, DEAD }
