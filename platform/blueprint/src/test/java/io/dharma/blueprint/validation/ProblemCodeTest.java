package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemCodeTest {

    @Test
    void codesAreUniqueAndLookLikeArea_dot_name() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("(document|metadata|spec|resource)\\.[a-z]+(-[a-z]+)*"));
        assertThat(ProblemCode.fromId("resource.dependency-cycle")).contains(ProblemCode.RESOURCE_DEPENDENCY_CYCLE);
    }

    @Test
    void everyCodeIsDocumentedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (ProblemCode code : ProblemCode.values()) {
            assertThat(readme).as(code.id()).contains("| `" + code.id() + "` |");
        }
    }
}
