package io.dharma.launcher;

import io.dharma.launcher.cli.AccessCommands;
import io.dharma.launcher.cli.AuditCommand;
import io.dharma.launcher.cli.CostCommand;
import io.dharma.launcher.cli.CliException;
import io.dharma.launcher.cli.CliLogging;
import io.dharma.launcher.cli.CompletionCommand;
import io.dharma.launcher.cli.DecisionCommands;
import io.dharma.launcher.cli.DestroyCommand;
import io.dharma.launcher.cli.DriftCommand;
import io.dharma.launcher.cli.IacCommand;
import io.dharma.launcher.cli.ExitCodes;
import io.dharma.launcher.cli.RebuildStateCommand;
import io.dharma.launcher.cli.DeadLetterCommands;
import io.dharma.launcher.cli.OutboxCommands;
import io.dharma.launcher.cli.ReplayCommand;
import io.dharma.launcher.cli.ReprocessCommand;
import io.dharma.launcher.cli.StatusCommand;
import io.dharma.launcher.cli.PlanCommand;
import io.dharma.launcher.cli.SubscriptionCommands;
import io.dharma.launcher.cli.SubmitCommand;
import io.dharma.launcher.cli.TailCommand;
import io.dharma.launcher.cli.TopicsCommand;
import io.dharma.launcher.cli.UsageCommand;
import io.dharma.operations.OperationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code dharma} command a user types; {@code ./dharma} at the repository root runs it. */
@Command(name = "dharma",
        mixinStandardHelpOptions = true,
        versionProvider = DharmaCli.Version.class,
        description = "Dharma: self-service multi-cloud infrastructure over Apache Kafka.",
        subcommands = {UpCommand.class,
            SubmitCommand.class, PlanCommand.class, StatusCommand.class, DecisionCommands.Approve.class, DecisionCommands.Reject.class,
            DestroyCommand.class, DriftCommand.class, IacCommand.class, CostCommand.class,
            TopicsCommand.class, TailCommand.class, ReplayCommand.class, AuditCommand.class, ReprocessCommand.class,
            RebuildStateCommand.class, DeadLetterCommands.Dlt.class, OutboxCommands.Outbox.class,
            AccessCommands.Login.class, AccessCommands.Logout.class, AccessCommands.WhoAmI.class, UsageCommand.class,
            AccessCommands.Keys.class, AccessCommands.Users.class, SubscriptionCommands.Subscriptions.class,
            CompletionCommand.class, HelpCommand.class})
public final class DharmaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            CliLogging.quiet();
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new DharmaCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(DharmaCli::failure);
    }

    /**
     * A failure the user can act on prints one line, "dharma COMMAND: message", and exits 1 (or
     * the exception's own code); anything else prints its stack trace as well.
     */
    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof CliException cli) {
            command.getErr().println(name + ": " + cli.getMessage());
            command.getErr().flush();
            return cli.exitCode();
        }
        if (e instanceof OperationException || e instanceof java.io.UncheckedIOException) {
            command.getErr().println(name + ": " + e.getMessage());
            command.getErr().flush();
            return ExitCodes.FAILURE;
        }
        command.getErr().println(name + ": unexpected failure: " + e);
        e.printStackTrace(command.getErr());
        command.getErr().flush();
        return ExitCodes.FAILURE;
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
