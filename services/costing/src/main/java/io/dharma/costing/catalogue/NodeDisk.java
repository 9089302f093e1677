package io.dharma.costing.catalogue;

/** The boot disk a managed Kubernetes service gives each node by default ("ssd" or "standard"). */
public record NodeDisk(String type, int sizeGb) {
}
