package io.dharma.sandbox.provider;

/** How one simulated cloud names and describes each catalogue type. */
interface CloudShape {

    ProviderResource shape(ResourceFacts resource);
}
