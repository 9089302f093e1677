package io.dharma.intake.api;

import io.dharma.intake.store.BlueprintSummary;
import io.dharma.intake.store.TrackedVersion;
import io.dharma.web.ApiError;
import io.dharma.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the HTTP API. */
final class ApiResponses {

    private ApiResponses() {
    }

    record SubmissionAccepted(String trackingId, String blueprintId, int version) {
    }

    enum TrackingStatus {
        ACCEPTED, PUBLISHED
    }

    record Submission(String trackingId, String blueprintId, String name, int version, TrackingStatus status,
            OffsetDateTime submittedAt, OffsetDateTime publishedAt) {

        static Submission of(TrackedVersion version) {
            return new Submission(version.trackingId().toString(), version.blueprintId().toString(), version.name(),
                    version.version(),
                    version.published() ? TrackingStatus.PUBLISHED : TrackingStatus.ACCEPTED,
                    version.submittedAt(), version.publishedAt().orElse(null));
        }
    }

    record BlueprintView(String blueprintId, String name, int latestVersion, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, String versions) {

        static BlueprintView of(BlueprintSummary summary) {
            return new BlueprintView(summary.blueprintId().toString(), summary.name(), summary.latestVersion(),
                    summary.createdAt(), summary.updatedAt(),
                    "/api/v1/blueprints/" + summary.blueprintId() + "/versions");
        }
    }

    record VersionView(int version, String trackingId, String contentHash, TrackingStatus status,
            OffsetDateTime submittedAt, String document) {

        static VersionView of(TrackedVersion version) {
            return new VersionView(version.version(), version.trackingId().toString(), version.contentHash(),
                    version.published() ? TrackingStatus.PUBLISHED : TrackingStatus.ACCEPTED,
                    version.submittedAt(),
                    "/api/v1/blueprints/" + version.blueprintId() + "/versions/" + version.version());
        }
    }

    record PageView<T>(List<T> items, int page, int size, int totalItems, int totalPages) {

        static <T> PageView<T> of(List<T> items, int page, int size, int totalItems) {
            return new PageView<>(items, page, size, totalItems, (totalItems + size - 1) / size);
        }
    }

    static UUID uuid(String value, ApiError notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(notFound, "'" + value + "' is not an id this API issued");
        }
    }
}
