package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An operator command that reads or changes Kafka (and the registry) directly, without the platform
 * API: it takes the {@link KafkaOptions} and prints to its command line's output. The counterpart
 * of {@link ApiCommand} for the user commands.
 */
abstract class KafkaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
