package io.dharma.streams.query;

import java.util.List;
import java.util.Set;

/**
 * One instance's part of a scan, answered to another instance (request header
 * {@code X-Dharma-State-Scope: local}): the partitions it covered and its matching items.
 */
public record LocalScanResponse<T>(Set<Integer> partitions, List<T> items) {
}
