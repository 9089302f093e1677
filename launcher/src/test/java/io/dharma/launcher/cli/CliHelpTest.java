package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dharma.launcher.DharmaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code dharma help}, {@code dharma help COMMAND} and {@code dharma completion}: every command is
 * listed with its whole one-sentence summary, never one cut at a line break or the terminal's width.
 */
class CliHelpTest {

    private static final Pattern SENTENCE = Pattern.compile("[A-Z].*[^.\\s]\\.");

    static Stream<String> commands() {
        return DharmaCli.commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void helpListsEveryCommandWithItsWholeSummary() {
        Cli help = Cli.run("help");

        assertThat(help.exitCode()).isZero();
        assertListsWholeSummaries(help.out(), DharmaCli.commandLine());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpOfEachCommandShowsItsWholeDescriptionAndOptions(String command) {
        CommandLine sub = DharmaCli.commandLine().getSubcommands().get(command);

        Cli help = Cli.run("help", command);

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: dharma " + command);
        assertThat(flat(help.out())).contains(flat(String.format(String.join(" ", sub.getCommandSpec().usageMessage().description()))));
        if (!sub.getSubcommands().isEmpty()) {
            assertListsWholeSummaries(help.out(), sub);
        }
    }

    @Test
    void everyCommandHasAOneSentenceSummaryAndEveryOptionADescriptionWithItsDefault() {
        List<CommandSpec> all = new ArrayList<>();
        collect(DharmaCli.commandLine().getCommandSpec(), all);

        assertThat(all).hasSizeGreaterThan(25);
        for (CommandSpec command : all) {
            assertThat(summary(command)).as(command.qualifiedName()).matches(SENTENCE).doesNotContain(". ");
            List<ArgSpec> args = new ArrayList<>(command.options());
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.hidden() || arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
                    continue;
                }
                String text = String.join(" ", arg.description());
                String name = command.qualifiedName() + " " + arg.paramLabel() + (arg instanceof OptionSpec o ? " " + o.longestName() : "");
                assertThat(text).as(name).isNotBlank();
                boolean flag = arg.typeInfo().isBoolean();
                if (!flag && (arg.defaultValue() != null || arg.initialValue() != null && !arg.typeInfo().isCollection())) {
                    assertThat(text.toLowerCase(Locale.ROOT)).as(name + " says its default").contains("default");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shells")
    void completionScriptNamesEveryCommand(String shell) {
        Cli completion = Cli.run("completion", shell);

        assertThat(completion.exitCode()).as(completion.err()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("dharma");
        List<CommandSpec> all = new ArrayList<>();
        collect(DharmaCli.commandLine().getCommandSpec(), all);
        for (CommandSpec command : all) {
            assertThat(completion.out()).as(command.qualifiedName()).contains(command.name());
        }
        assertThat(completion.out()).contains("'--output'").contains("(\"table\" \"json\" \"yaml\")");
    }

    static Stream<String> shells() {
        return Stream.of("bash", "zsh");
    }

    @Test
    void completionForAnotherShellIsRefused() {
        Cli completion = Cli.run("completion", "fish");

        assertThat(completion.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(completion.err()).contains("choose bash or zsh");
    }

    /** The "Commands:" list of a usage message holds each subcommand's first description line, whole. */
    private static void assertListsWholeSummaries(String usage, CommandLine parent) {
        Map<String, String> listed = commandList(usage);
        for (Map.Entry<String, CommandLine> sub : parent.getSubcommands().entrySet()) {
            String summary = summary(sub.getValue().getCommandSpec());
            assertThat(listed).as("listed under " + parent.getCommandName()).containsKey(sub.getKey());
            assertThat(listed.get(sub.getKey())).as(sub.getKey()).isEqualTo(summary).doesNotEndWith("...").endsWith(".");
        }
    }

    /** name -> text of each entry of the "Commands:" section, continuation lines joined. */
    private static Map<String, String> commandList(String usage) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = usage.lines().toList();
        int start = lines.indexOf("Commands:");
        assertThat(start).as("a Commands: section in%n%s", usage).isNotNegative();
        Pattern entry = Pattern.compile("^  (\\S+)\\s+(.*)$");
        String current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank() || !line.startsWith(" ")) {
                break;
            }
            Matcher m = entry.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                entries.put(current, m.group(2).strip());
            } else if (current != null) {
                entries.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }
        return entries;
    }

    /** What a command list shows of a command: the first line of its header, else of its description. */
    private static String summary(CommandSpec command) {
        String[] header = command.usageMessage().header();
        String[] lines = header.length > 0 ? header : command.usageMessage().description();
        assertThat(lines).as(command.qualifiedName() + " has a description").isNotEmpty();
        return flat(String.format(lines[0]));
    }

    private static void collect(CommandSpec command, List<CommandSpec> all) {
        for (CommandLine sub : command.subcommands().values()) {
            if (!all.contains(sub.getCommandSpec())) {
                all.add(sub.getCommandSpec());
                collect(sub.getCommandSpec(), all);
            }
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
