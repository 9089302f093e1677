/**
 * The intake service: accepts blueprint submissions over HTTP, validates them with
 * {@code io.dharma.blueprint.validation.BlueprintValidator}, stores each version durably together
 * with an outbox row, and relays {@code BlueprintSubmitted} events to {@code dharma.blueprints.v1}.
 */
package io.dharma.intake;
