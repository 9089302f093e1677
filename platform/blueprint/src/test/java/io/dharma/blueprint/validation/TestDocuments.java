package io.dharma.blueprint.validation;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A small valid blueprint and a way to break it in one place. */
final class TestDocuments {

    /** Resources: 0 net, 1 sub, 2 web, 3 fw, 4 files. */
    static final String BASE_YAML = """
            apiVersion: dharma/v1
            kind: Blueprint
            metadata:
              name: table-base
              environment: dev
              tags: {owner: team-a, cost-center: cc-1}
            spec:
              cloud: aws
              region: us-east-1
              budget: {monthlyUsd: 100}
              approval: auto
              resources:
                - name: net
                  type: network
                  properties: {cidr: 10.0.0.0/16}
                - name: sub
                  type: subnet
                  properties: {network: net, cidr: 10.0.1.0/24}
                - name: web
                  type: compute.instance
                  properties: {size: small, image: ubuntu-22.04, subnet: sub}
                - name: fw
                  type: firewall
                  properties:
                    network: net
                    ingress: [{protocol: tcp, ports: [443], cidrs: [0.0.0.0/0]}]
                - name: files
                  type: storage.bucket
                  dependsOn: [web]
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDocuments() {
    }

    static JsonNode base() {
        try {
            return new BlueprintParser().parse(BASE_YAML.getBytes(), DocumentFormat.YAML);
        } catch (UnreadableDocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The base document with edits applied, as JSON text. An edit is {@code "set <pointer> <json>"}
     * (creating or replacing a member, or appending to an array with a last segment of {@code -})
     * or {@code "remove <pointer>"}.
     */
    static String edited(String... edits) {
        JsonNode document = base();
        for (String edit : edits) {
            String[] parts = edit.split(" ", 3);
            JsonPointer pointer = JsonPointer.compile(parts[1]);
            JsonNode parent = document.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            switch (parts[0]) {
                case "set" -> {
                    JsonNode value = JSON.readTree(parts[2]);
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value);
                        } else {
                            array.set(Integer.parseInt(last), value);
                        }
                    } else {
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                default -> throw new IllegalArgumentException(edit);
            }
        }
        return JSON.writeValueAsString(document);
    }
}
