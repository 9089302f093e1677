package io.dharma.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** Dharma's load drivers. Each prints its figures and the machine they were measured on. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Load drivers for Dharma. Figures depend on the machine: compare ratios, not absolutes.",
        subcommands = {AllBench.class, FaultBench.class, FaultComponent.class, SubmissionBench.class, PipelineBench.class, ConsumerBench.class, QueryBench.class,
            ProducerBench.class, PostgresCommitBench.class, ReplayBench.class, TerraformBench.class,
            HelpCommand.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
