package io.dharma.costing.catalogue;

/** A disk size tier of a cloud that bills disks per provisioned tier (Azure P10 = up to 128 GB). */
public record DiskTier(String sku, int maxGb) {
}
