package io.dharma.costing.catalogue;

/** How many billable public IPv4 addresses an internet-facing load balancer holds on a cloud. */
public enum PublicLoadBalancerIps {
    /** One per subnet (availability zone) it spans, as an AWS ALB/NLB. */
    PER_SUBNET("per-subnet"),
    /** One frontend address, as Azure Application Gateway and Load Balancer. */
    ONE("one"),
    /** The address is part of the forwarding rule's price, as on GCP. */
    NONE("none");

    private final String id;

    PublicLoadBalancerIps(String id) {
        this.id = id;
    }

    static PublicLoadBalancerIps fromId(String id) {
        for (PublicLoadBalancerIps value : values()) {
            if (value.id.equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown publicLoadBalancerIps '" + id + "'");
    }
}
