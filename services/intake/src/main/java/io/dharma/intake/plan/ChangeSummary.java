package io.dharma.intake.plan;

import java.util.List;

/**
 * What applying a blueprint would change, as {@code terraform plan} says it: one action per
 * blueprint resource, and the counts (a replacement counts as one to add and one to destroy).
 */
public record ChangeSummary(int toAdd, int toChange, int toDestroy, List<ResourceAction> actions) {

    public enum Action { CREATE, UPDATE, REPLACE, DELETE, NO_OP }

    /**
     * @param addresses         the Terraform addresses the generator gives the resource (deployed ones for a delete)
     * @param changedAttributes for an update, each attribute whose value would change
     */
    public record ResourceAction(String resourceName, String resourceType, Action action, List<String> addresses,
            List<AttributeChange> changedAttributes) {

        public ResourceAction {
            addresses = List.copyOf(addresses);
            changedAttributes = List.copyOf(changedAttributes);
        }
    }

    /** @param before null when the deployed resource has no such attribute; {@code after} null when it is dropped */
    public record AttributeChange(String name, String before, String after) {
    }

    public ChangeSummary {
        actions = List.copyOf(actions);
    }

    static ChangeSummary of(List<ResourceAction> actions) {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (ResourceAction action : actions) {
            switch (action.action()) {
                case CREATE -> add++;
                case UPDATE -> change++;
                case REPLACE -> {
                    add++;
                    destroy++;
                }
                case DELETE -> destroy++;
                case NO_OP -> { }
            }
        }
        return new ChangeSummary(add, change, destroy, actions);
    }
}
