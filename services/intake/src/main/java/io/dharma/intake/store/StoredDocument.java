package io.dharma.intake.store;

/** A version's document exactly as submitted, with the media type it was submitted as. */
public record StoredDocument(String document, String mediaType) {
}
