package io.dharma.streams.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.ResourceState;

/** A page of the caller's tenant's drifted resources; pass {@code nextCursor} as {@code cursor} for the next (null at the end). */
public record DriftResponse(List<Item> items, String nextCursor) {

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

    /** Where a page ended: the last item's blueprint and address, in {@link Item#ORDER}. */
    record Position(String blueprintId, String address) {

        private static final char SEPARATOR = '\u0000';

        static Position of(Item item) {
            return new Position(item.blueprintId(), item.address());
        }

        String text() {
            return blueprintId + SEPARATOR + address;
        }

        static Optional<Position> parse(String text) {
            int separator = text.indexOf(SEPARATOR);
            return separator < 0 ? Optional.empty()
                    : Optional.of(new Position(text.substring(0, separator), text.substring(separator + 1)));
        }

        boolean isBefore(Item item) {
            int byBlueprint = item.blueprintId().compareTo(blueprintId);
            return byBlueprint > 0 || byBlueprint == 0 && item.address().compareTo(address) > 0;
        }
    }

    /** The view's drifted resources in {@link Item#ORDER}, only those after {@code position} when it is given. */
    static List<Item> itemsAfter(DriftView view, Position position) {
        return view.getResources().values().stream()
                .filter(ResourceState::getDrifted)
                .map(resource -> Item.of(view, resource))
                .filter(item -> position == null || position.isBefore(item))
                .sorted(Item.ORDER)
                .toList();
    }
}
