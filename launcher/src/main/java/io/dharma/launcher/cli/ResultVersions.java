package io.dharma.launcher.cli;

/** The version a results command shows: the one asked for, else the blueprint's latest (from its status). */
final class ResultVersions {

    private ResultVersions() {
    }

    static int resolve(PlatformClient client, String blueprintId, Integer version) {
        if (version != null) {
            return version;
        }
        return client.get("/api/v1/blueprints/" + blueprintId + "/status").path("latestVersion").asInt();
    }

    static String path(String blueprintId, int version) {
        return "/api/v1/blueprints/" + blueprintId + "/versions/" + version;
    }
}
