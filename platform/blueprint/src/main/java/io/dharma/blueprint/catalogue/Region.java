package io.dharma.blueprint.catalogue;

/** A cloud region: the cloud's own identifier (for example {@code eu-west-1}) and a readable name. */
public record Region(String id, String name) {
}
