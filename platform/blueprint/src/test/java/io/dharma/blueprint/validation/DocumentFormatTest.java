package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentFormatTest {

    @Test
    void mediaTypesMapToFormats() {
        assertThat(DocumentFormat.fromMediaType("application/yaml")).contains(DocumentFormat.YAML);
        assertThat(DocumentFormat.fromMediaType("application/x-yaml; charset=utf-8")).contains(DocumentFormat.YAML);
        assertThat(DocumentFormat.fromMediaType("text/yaml")).contains(DocumentFormat.YAML);
        assertThat(DocumentFormat.fromMediaType("Application/JSON")).contains(DocumentFormat.JSON);
        assertThat(DocumentFormat.fromMediaType("application/vnd.dharma.blueprint+json")).contains(DocumentFormat.JSON);
        assertThat(DocumentFormat.fromMediaType("text/plain")).isEmpty();
        assertThat(DocumentFormat.fromMediaType(null)).isEmpty();
    }
}
