package io.dharma.intake.store;

import java.time.OffsetDateTime;
import java.util.UUID;

public record BlueprintSummary(UUID blueprintId, String name, int latestVersion, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
