package io.mvinfra.host.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.web.auth.PasswordHasher;
import io.mvinfra.host.web.auth.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "The web admin's users (needed when `serve` listens beyond loopback). Passwords are stored as PBKDF2 hashes.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. The password is asked twice on a terminal, else read from the first line of stdin.")
    static final class Add extends HostCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            char[] password = readPassword("Password for " + name + ": ");
            try (Host h = host.open()) {
                users(h).add(name, password);
                out().println("user " + name + " added");
                return Main.OK;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change a user's password (their open sessions end within a minute).")
    static final class Passwd extends HostCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            char[] password = readPassword("New password for " + name + ": ");
            try (Host h = host.open()) {
                users(h).changePassword(name, password);
                out().println("password of " + name + " changed");
                return Main.OK;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user (their open sessions end within a minute).")
    static final class Remove extends HostCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                users(h).remove(name);
                out().println("user " + name + " removed");
                return Main.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers extends HostCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                List<UserStore.User> users = users(h).list();
                if (json) {
                    Output.json(out(), users);
                    return Main.OK;
                }
                List<List<String>> rows = new ArrayList<>();
                users.forEach(u -> rows.add(List.of(u.name(), u.createdAt().toString(), u.passwordChangedAt().toString())));
                Output.table(out(), List.of("user", "created", "password changed"), rows);
                return Main.OK;
            }
        }
    }

    private static UserStore users(Host h) {
        return new UserStore(h.database(), new PasswordHasher());
    }

    /** On a terminal: asked twice, not echoed. Otherwise (a pipe, a script): the first line of stdin. */
    static char[] readPassword(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("%s", prompt);
            char[] again = console.readPassword("Again: ");
            boolean same = first != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                throw new HostException(HostException.Kind.BAD_INPUT, "the two passwords differ");
            }
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new HostException(HostException.Kind.BAD_INPUT, "no password on stdin");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UserCommand() {
    }
}
