package io.dharma.web.quota;

/** One quota of a tenant: how much is used, and the limit. */
public record QuotaUsage(String name, long used, long limit) {

    public boolean full() {
        return used >= limit;
    }
}
