package io.mvinfra.host.cli;

import java.io.Console;

import io.mvinfra.host.Host;
import io.mvinfra.host.handoff.HandOffServer.HandedCommand;
import io.mvinfra.host.handoff.HandOffServer.NeedsCallersTerminal;

/**
 * Who runs a command and where: the user its presses are audited under, whether someone watches on a terminal, and,
 * for a command a CLI process handed to a running serve, that serve's open host. Commands ask this rather than the
 * process (System.console(), user.name), which is the serve's own when the command was handed over.
 */
record Invocation(String user, boolean terminal, Host running) {

    static Invocation here() {
        return new Invocation(System.getProperty("user.name"), System.console() != null, null);
    }

    static Invocation handedTo(Host running, HandedCommand command) {
        return new Invocation(command.user(), command.terminal(), running);
    }

    /** The operator's answer typed on the terminal; null without one. A handed-over command asks its caller to run it. */
    String ask(String format, Object... args) {
        if (running != null) {
            throw new NeedsCallersTerminal();
        }
        Console console = System.console();
        return console == null ? null : console.readLine(format, args);
    }
}
