package io.dharma.generator;

import java.util.List;
import java.util.Objects;

/** What {@link TerraformGenerator#generate} made of a blueprint: a configuration, or the problems that prevented one. */
public sealed interface GenerationResult {

    record Generated(TerraformConfiguration configuration) implements GenerationResult {
        public Generated {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    record Failed(String reason, List<GenerationProblem> problems) implements GenerationResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            problems = List.copyOf(problems);
        }
    }
}
