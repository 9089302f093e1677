package io.dharma.costing.catalogue;

/**
 * The price tables a region of the price catalogue has, each mapping a provider SKU to a price
 * in the catalogue's currency. The unit is fixed per table (hourly tables are per resource-hour).
 */
public enum PriceTable {
    /** Virtual machines and Kubernetes nodes, Linux, per instance-hour. */
    COMPUTE("compute"),
    /** Boot disks: per GB-month, or per disk-month for a cloud that bills disks in size tiers. */
    DISK("disk"),
    /** Public IPv4 addresses, per address-hour. */
    PUBLIC_IP("publicIp"),
    /** Managed PostgreSQL, single zone, per instance-hour. */
    POSTGRES("postgres"),
    /** Managed MySQL, single zone, per instance-hour. */
    MYSQL("mysql"),
    /** Managed database storage, single zone, per GB-month. */
    DATABASE_STORAGE("databaseStorage"),
    /** Managed Kubernetes control plane, per cluster-hour. */
    KUBERNETES("kubernetes"),
    /** Load balancer, per load-balancer-hour. */
    LOAD_BALANCER("loadBalancer"),
    /** Load balancer rules beyond the ones the hourly price includes, per rule-hour. */
    LOAD_BALANCER_RULE("loadBalancerRule"),
    /** Object storage, standard (hot) class, per GB-month. */
    BUCKET("bucket"),
    /** Managed Redis, per node-hour (or per cache-hour where the SKU includes its replica). */
    CACHE("cache");

    private final String key;

    PriceTable(String key) {
        this.key = key;
    }

    /** The table's key in a region of the catalogue file. */
    public String key() {
        return key;
    }
}
