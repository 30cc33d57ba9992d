package io.mvinfra.host.cli;

import java.io.PrintWriter;

import io.mvinfra.host.Host;
import io.mvinfra.host.handoff.HandOffServer;
import io.mvinfra.host.handoff.HandOffServer.HandedCommand;
import io.mvinfra.host.handoff.HandOffServer.NeedsCallersTerminal;
import picocli.CommandLine;

/** A serve running the commands CLI processes hand it: the same command line, on the serve's open host. */
final class HandedCommands implements HandOffServer.Commands {
    private final Host host;

    HandedCommands(Host host) {
        this.host = host;
    }

    @Override
    public int run(HandedCommand command, PrintWriter out, PrintWriter err) {
        String[] args = command.args().toArray(String[]::new);
        CommandLine cli = Main.commandLine(Invocation.handedTo(host, command), args);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        if (code == Main.CALLERS_TERMINAL) {
            throw new NeedsCallersTerminal();
        }
        return code;
    }
}
