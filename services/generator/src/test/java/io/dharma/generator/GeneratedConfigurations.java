package io.dharma.generator;

import io.dharma.blueprint.Cloud;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every configuration the golden tests cover (each case on each cloud, each example), for tests that check all of them. */
final class GeneratedConfigurations {

    private GeneratedConfigurations() {
    }

    record Named(String name, TerraformConfiguration configuration) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Named> all() {
        List<Named> all = new ArrayList<>();
        for (String name : TestBlueprints.caseNames()) {
            for (Cloud cloud : Cloud.values()) {
                all.add(new Named(cloud.id() + "/" + name, GoldenFileTest.generate(TestBlueprints.forCase(name, cloud))));
            }
        }
        for (String name : TestBlueprints.exampleNames()) {
            all.add(new Named("examples/" + name, GoldenFileTest.generate(TestBlueprints.example(name))));
        }
        return all;
    }

    static Stream<Arguments> arguments() {
        return all().stream().map(Arguments::of);
    }
}
