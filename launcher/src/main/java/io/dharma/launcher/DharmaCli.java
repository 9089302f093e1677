package io.dharma.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code dharma} command a user types; {@code ./dharma} at the repository root runs it. */
@Command(name = "dharma",
        mixinStandardHelpOptions = true,
        versionProvider = DharmaCli.Version.class,
        description = "Dharma: self-service multi-cloud infrastructure over Apache Kafka.",
        subcommands = {UpCommand.class, HelpCommand.class})
public final class DharmaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new DharmaCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DharmaCli.class.getPackage().getImplementationVersion();
            return new String[] {"dharma " + (version == null ? "(development build)" : version)};
        }
    }
}
