package io.dharma.streams.query;

/** The URLs of the results reads, for the links of other responses. */
public final class ResultPaths {

    private ResultPaths() {
    }

    public static String version(String blueprintId, int version) {
        return "/api/v1/blueprints/" + blueprintId + "/versions/" + version;
    }

    public static String iac(String blueprintId, int version) {
        return version(blueprintId, version) + "/iac";
    }

    public static String cost(String blueprintId, int version) {
        return version(blueprintId, version) + "/cost";
    }

    public static String verdict(String blueprintId, int version) {
        return version(blueprintId, version) + "/verdict";
    }

    public static String plan(String deploymentId) {
        return "/api/v1/deployments/" + deploymentId + "/plan";
    }
}
