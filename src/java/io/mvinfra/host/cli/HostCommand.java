package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the host: where its data, database and module are, and where it prints. */
abstract class HostCommand implements Callable<Integer> {
    @Mixin
    HostOptions host;
    @Spec
    CommandSpec spec;
    /** Set by the command line's factory (see {@link Main#commandLine(Invocation, String...)}). */
    Invocation invocation = Invocation.here();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
