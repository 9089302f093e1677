package io.dharma.web;

/** Who a request acts for: the tenant whose data it reads and writes, and the user acting. */
public record Caller(String tenant, String user) {
}
