package io.dharma.streams.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.ResourceState;

/** Every drifted resource of the caller's tenant. */
public record DriftResponse(List<Item> items) {

    /** One resource whose actual state differs from what its blueprint declares. */
    public record Item(String blueprintId, String deploymentId, String address, String resourceName,
            String resourceType, String providerId, boolean deleted, Instant since, List<Attribute> driftedAttributes) {

        static final Comparator<Item> ORDER = Comparator.comparing(Item::blueprintId).thenComparing(Item::address);

        static Item of(DriftView view, ResourceState resource) {
            return new Item(view.getBlueprintId(), resource.getDeploymentId(), resource.getAddress(),
                    resource.getResourceName(), resource.getResourceType(), resource.getProviderId(), resource.getDeleted(), resource.getDriftSince(),
                    resource.getDriftedAttributes().stream()
                            .map(attribute -> new Attribute(attribute.getName(), attribute.getDesired(), attribute.getActual()))
                            .toList());
        }
    }

    public record Attribute(String name, String desired, String actual) {
    }

    static List<Item> itemsOf(DriftView view) {
        return view.getResources().values().stream()
                .filter(ResourceState::getDrifted)
                .map(resource -> Item.of(view, resource))
                .sorted(Item.ORDER)
                .toList();
    }
}
