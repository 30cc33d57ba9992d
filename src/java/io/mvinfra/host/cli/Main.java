package io.mvinfra.host.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import io.mvinfra.host.handoff.HandOff;
import io.mvinfra.host.handoff.HandOffServer.NeedsCallersTerminal;
import io.mvinfra.host.module.ModuleException;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code java -jar target/mv-infra.jar <command>}: exit 0 success, 1 the action or job failed, 2 bad input. */
@Command(name = "mv-infra", mixinStandardHelpOptions = true, version = "mv-infra 0.1.0",
        description = "Run the mv-infra Meveo module stand-alone: entities, buttons, jobs, web admin.",
        subcommands = {ServeCommand.class, ModuleCommand.class, EntityCommand.class, ActionCommand.class, JobCommand.class, CredentialCommand.class,
                AuditCommand.class, UserCommand.class, BackupCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** What a handed-over command that needs its caller's terminal ends with (never a process's exit code). */
    static final int CALLERS_TERMINAL = -2;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * What {@code main} does, on the streams and environment given: a command that a serve running on its home takes
     * is run there ({@link HandOff}), anything else here.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Invocation here = Invocation.here();
        int handed = HandOff.forward(args, env, here.user(), here.terminal(), out, err);
        if (handed != HandOff.RUN_HERE) {
            return handed;
        }
        if (args.length == 0 || !args[0].equals("serve")) {
            System.setProperty("mvinfra.log.level", System.getProperty("mvinfra.log.level", "WARN"));
        }
        CommandLine cli = commandLine(here, args);
        if (out != System.out || err != System.err) {
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
        }
        return cli.execute(args);
    }

    /** Every command: what {@code --help}, {@code --version} and an unknown command see. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Main()));
    }

    /**
     * The command line for {@code args}: when they start with a command's name, only that command's tree is built
     * (picocli reads every command's annotations when it builds one, some 0.1 s of a one-shot command's start), and
     * of a group such as {@code entity} only the subcommand named next (its siblings cost {@code entity get} some 10
     * ms of CPU more); the version alone needs none; anything else gets every command, so help and an unknown command
     * read as before.
     */
    public static CommandLine commandLine(String... args) {
        return commandLine(Invocation.here(), args);
    }

    /** The command line for {@code args}, its commands run as {@code invocation} says (a handed-over one: at the serve). */
    static CommandLine commandLine(Invocation invocation, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configured(new CommandLine(new One()));   // the version is the root's alone: no command is read
        }
        Class<?> command = args.length == 0 ? null : COMMANDS.get(args[0]);
        CommandLine.IFactory factory = new InvocationFactory(invocation);
        if (command == null) {
            return configured(new CommandLine(new Main(), factory));
        }
        CommandLine cli = new CommandLine(new One(), factory);
        cli.addSubcommand(tree(command, args.length > 1 ? args[1] : null, factory));
        return configured(cli);
    }

    /**
     * The command, or, when it is a group and {@code next} names one of its subcommands, the group's names and words
     * with that subcommand alone: {@code entity nosuch} or {@code entity --help} still get the whole group.
     */
    private static CommandLine tree(Class<?> command, String next, CommandLine.IFactory factory) {
        Command group = command.getAnnotation(Command.class);
        for (Class<?> sub : group.subcommands()) {
            Command named = sub.getAnnotation(Command.class);
            if (named.name().equals(next) || java.util.Arrays.asList(named.aliases()).contains(next)) {
                CommandSpec spec = CommandSpec.create().name(group.name()).mixinStandardHelpOptions(group.mixinStandardHelpOptions());
                spec.usageMessage().description(group.description());
                CommandLine one = new CommandLine(spec, factory);
                one.addSubcommand(new CommandLine(sub, factory));
                return one;
            }
        }
        return new CommandLine(command, factory);
    }

    /** Gives each command and its host options the invocation they run in, as picocli builds them. */
    private record InvocationFactory(Invocation invocation) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K made = CommandLine.defaultFactory().create(type);
            if (made instanceof HostCommand command) {
                command.invocation = invocation;
            } else if (made instanceof HostOptions options) {
                options.invocation = invocation;
            }
            return made;
        }
    }

    /** Main's own names and words, without its subcommands: the root of a command line built for one command. */
    @Command(name = "mv-infra", mixinStandardHelpOptions = true, version = "mv-infra 0.1.0",
            description = "Run the mv-infra Meveo module stand-alone: entities, buttons, jobs, web admin.")
    static final class One {
    }

    private static final java.util.Map<String, Class<?>> COMMANDS = java.util.Map.of("serve", ServeCommand.class, "module", ModuleCommand.class,
            "entity", EntityCommand.class, "action", ActionCommand.class, "job", JobCommand.class, "credential", CredentialCommand.class,
            "audit", AuditCommand.class, "user", UserCommand.class, "backup", BackupCommand.class);

    private static CommandLine configured(CommandLine cli) {
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(Main::badUsage);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof HostException h) {
            return h.kind().exitCode();
        }
        if (e instanceof StoreException s) {
            return s.kind() == StoreException.Kind.UNAVAILABLE ? FAILED : BAD_INPUT;
        }
        if (e instanceof ModuleException || e instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    /** An unknown command or option, a missing argument: the error, then the command's usage, on stderr; exit 2. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cli.usage(err);
        err.flush();
        return BAD_INPUT;
    }

    /** One clear line on stderr first, then the details; never a stack trace for an expected failure. */
    private static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
            if (e instanceof NeedsCallersTerminal) {
                return CALLERS_TERMINAL;
            }
            PrintWriter err = cli.getErr();
            err.println("error: " + e.getMessage());
            if (e instanceof ModuleException m && m.problems().size() > 1) {
                m.problems().forEach(p -> err.println("  " + p));
            } else if (e instanceof StoreException s && s.violations().size() > 1) {
                s.violations().forEach(v -> err.println("  " + v));
            } else if (!(e instanceof HostException || e instanceof StoreException || e instanceof ModuleException)) {
                err.println("  (" + e.getClass().getName() + ")");
            }
            err.flush();
            return exitCode(e);
        }
    }
}
