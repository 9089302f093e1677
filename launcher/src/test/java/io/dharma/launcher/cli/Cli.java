package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.dharma.launcher.DharmaCli;
import picocli.CommandLine;

/** Runs the real {@code dharma} command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
