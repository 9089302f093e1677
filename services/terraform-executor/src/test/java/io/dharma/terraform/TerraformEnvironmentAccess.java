package io.dharma.terraform;

import io.dharma.executor.Stack;
import java.util.Map;

/** Test access to the environment an executor gives its terraform processes. */
final class TerraformEnvironmentAccess {

    private TerraformEnvironmentAccess() {
    }

    static Map<String, String> variables(TerraformExecutor executor, Stack stack) {
        return executor.environment().variables(stack);
    }
}
