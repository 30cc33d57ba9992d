package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityAction;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "action", mixinStandardHelpOptions = true, description = "The buttons of an entity template.",
        subcommands = {ActionCommand.ListActions.class, ActionCommand.Run.class})
final class ActionCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the buttons of an entity template.")
    static final class ListActions extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.openToRead()) {
                EntityCommand.template(h, cet);
                List<EntityAction> actions = h.module().actionsOf(cet);
                PrintWriter out = out();
                if (json) {
                    Output.json(out, actions.stream().map(a -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("code", a.code());
                        m.put("label", a.label());
                        m.put("script", a.script());
                        m.put("applicableOnEl", a.applicableOnEl());
                        return m;
                    }).toList());
                    return Main.OK;
                }
                List<List<String>> rows = new ArrayList<>();
                actions.forEach(a -> rows.add(List.of(a.code(), a.label(), ConditionWords.of(a))));
                Output.table(out, List.of("code", "label", "applies"), rows);
                return Main.OK;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Press a button on an entity, or on every entity --where or --all"
            + " selects, and print the script's message.")
    static final class Run extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Parameters(index = "1")
        String action;
        @Parameters(index = "2", arity = "0..1", description = "The entity; left out for a button pressed on the template's list")
        String uuid;
        @Option(names = "--dry-run", description = "Print the exact request the button would send, and send nothing")
        boolean dryRun;
        @Option(names = {"-p", "--param"}, description = "Extra button parameter name=value (repeatable)")
        List<String> params;
        @Option(names = "--user", description = "Who presses (default: the OS user)")
        String user;
        @Option(names = "--json")
        boolean json;
        @Option(names = "--where", description = "Press on every entity with field=value (repeatable)")
        List<String> where;
        @Option(names = "--all", description = "Press on every entity of the template")
        boolean all;
        @Option(names = "--parallel", defaultValue = "4", description = "Presses at a time with --where or --all (default 4)")
        int parallel;
        @Option(names = "--yes", description = "Go on without asking, for a button that destroys or replaces something at the provider")
        boolean yes;

        @Override
        public Integer call() {
            if ((where != null || all) && (uuid != null || parallel < 1)) {
                throw new HostException(HostException.Kind.BAD_INPUT, uuid != null ? "give an entity or --where/--all, not both"
                        : "--parallel must be 1 or more, is " + parallel);
            }
            try (Host h = host.open()) {
                String entity = uuid == null ? null : new References(h).uuid(cet, uuid);
                if (!dryRun && !yes && !Confirmation.given(h, cet, action, entity, invocation, err())) {
                    return Main.BAD_INPUT;
                }
                Map<String, Object> parameters = new LinkedHashMap<>(Assignments.parse(params));
                if (dryRun) {
                    parameters.put(PressRequest.DRY_RUN, Boolean.TRUE);
                }
                String who = user != null ? user : invocation.user();
                if (where != null || all) {
                    return new BulkPress(h, cet, action, parameters, who, parallel).run(where, out(), err(), json, invocation.terminal());
                }
                PressRequest press = new PressRequest(cet, action, entity, who, parameters);
                if (invocation.terminal()) {
                    // someone watches: a long press (a server booting) says how far it got, on stderr so stdout stays the message
                    PrintWriter err = err();
                    press = press.withProgress(line -> err.println("… " + line));
                }
                PressResult result = h.actions().press(press);
                return PressOutcome.report(result, json, Map.of(), out(), err());
            }
        }
    }

    private ActionCommand() {
    }

}
