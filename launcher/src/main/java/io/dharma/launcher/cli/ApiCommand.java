package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A user command that talks to the platform API: it takes the {@link ApiOptions} (URL and credential)
 * and prints to its command line's output. Picocli injects the annotated fields of a superclass
 * as it does its own, so each command declares only its own options.
 */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
