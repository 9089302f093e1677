package io.dharma.launcher.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dharma completion [bash|zsh]}: picocli's completion script for the whole command tree, so
 * it never falls behind the commands. The one script serves both shells: it loads zsh's
 * {@code bashcompinit} itself when zsh sources it.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for every dharma command and option.",
            "Load it with `source <(./dharma completion bash)` (or zsh), or add that line to ~/.bashrc or ~/.zshrc."})
public final class CompletionCommand implements Callable<Integer> {

    static final List<String> SHELLS = List.of("bash", "zsh");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", completionCandidates = Shells.class,
            description = "bash or zsh (default ${DEFAULT-VALUE}).")
    String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new CliException("Cannot complete for " + shell + ": choose bash or zsh", ExitCodes.USAGE);
        }
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
