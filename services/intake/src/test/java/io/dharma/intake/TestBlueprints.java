package io.dharma.intake;

/** Small valid blueprints for API tests. */
final class TestBlueprints {

    private TestBlueprints() {
    }

    /** A one-bucket AWS blueprint; {@code marker} goes into a tag so documents differ. */
    static String bucket(String name, String marker) {
        return """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: %s
                  environment: dev
                  tags: {owner: team-test, marker: "%s"}
                spec:
                  cloud: aws
                  region: eu-west-1
                  approval: auto
                  resources:
                    - name: files
                      type: storage.bucket
                      properties: {versioning: true}
                """.formatted(name, marker);
    }
}
