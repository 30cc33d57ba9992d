package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.StoredEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "entity", mixinStandardHelpOptions = true, description = "List, read, create, update and delete entities.",
        subcommands = {EntityCommand.ListEntities.class, EntityCommand.Get.class, EntityCommand.Create.class, EntityCommand.Update.class,
                EntityCommand.Delete.class})
final class EntityCommand {

    static EntityTemplate template(Host host, String cet) {
        return host.module().entity(cet).orElseThrow(() -> new HostException(HostException.Kind.BAD_INPUT,
                "unknown entity template " + cet + " (known: " + String.join(", ", host.module().entities().keySet()) + ")"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the entities of a template (summary fields as columns).")
    static final class ListEntities extends HostCommand {
        @Parameters(index = "0", description = "Entity template, e.g. DnsRecord")
        String cet;
        @Option(names = "--json", description = "Stable JSON output")
        boolean json;
        @Option(names = "--offset", defaultValue = "0")
        int offset;
        @Option(names = "--limit", defaultValue = "1000")
        int limit;
        @Option(names = "--where", description = "field=value filter (repeatable)")
        List<String> where;

        @Override
        public Integer call() {
            if (offset < 0 || limit < 1) {
                throw new HostException(HostException.Kind.BAD_INPUT, offset < 0 ? "--offset must be 0 or more, is " + offset
                        : "--limit must be 1 or more, is " + limit);
            }
            try (Host h = host.open()) {
                EntityTemplate t = template(h, cet);
                References refs = new References(h);
                Map<String, Object> filters = refs.resolve(cet, Assignments.parse(where));
                List<StoredEntity> entities = filters.isEmpty() ? h.store().list(cet, offset, limit) : h.store().findBy(cet, filters);
                PrintWriter out = out();
                if (json) {
                    Output.json(out, entities.stream().map(Output::entityJson).toList());
                    return Main.OK;
                }
                List<FieldTemplate> columns = t.fields().stream().filter(FieldTemplate::summary).toList();
                List<String> headers = new ArrayList<>(List.of("uuid"));
                columns.forEach(c -> headers.add(c.code()));
                List<List<String>> rows = new ArrayList<>();
                for (StoredEntity e : entities) {
                    List<String> row = new ArrayList<>(List.of(e.uuid()));
                    Map<String, Object> masked = e.masked();
                    columns.forEach(c -> row.add(refs.text(c, masked.get(c.code()))));
                    rows.add(row);
                }
                Output.table(out, headers, rows);
                return Main.OK;
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one entity (secrets masked).")
    static final class Get extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Parameters(index = "1")
        String uuid;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                EntityTemplate t = template(h, cet);
                References refs = new References(h);
                StoredEntity e = h.store().require(cet, refs.uuid(cet, uuid));
                print(out(), t, e, json, refs);
                return Main.OK;
            }
        }
    }

    static void print(PrintWriter out, EntityTemplate t, StoredEntity e, boolean json, References refs) {
        if (json) {
            Output.json(out, Output.entityJson(e));
            return;
        }
        out.printf("%s %s (version %d, created %s, updated %s)%n", e.cet(), e.uuid(), e.version(), e.createdAt(), e.updatedAt());
        Map<String, Object> masked = e.masked();
        for (FieldTemplate f : t.fields()) {
            if (masked.containsKey(f.code())) {
                out.printf("  %-24s %s%n", f.code(), refs.text(f, masked.get(f.code())));
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an entity from field=value pairs and print its uuid."
            + " A reference takes the referenced uuid, a list field comma-separated values, a map field key=value;key=value.")
    static final class Create extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "field=value")
        List<String> values;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                template(h, cet);
                StoredEntity e = h.store().create(cet, new References(h).resolve(cet, Assignments.parse(values)));
                if (json) {
                    Output.json(out(), Output.entityJson(e));
                } else {
                    out().println(e.uuid());
                }
                return Main.OK;
            }
        }
    }

    @Command(name = "update", description = "Change fields of an entity (field= clears a field).")
    static final class Update extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Parameters(index = "1")
        String uuid;
        @Parameters(index = "2..*", arity = "1..*", paramLabel = "field=value")
        List<String> values;
        @Option(names = "--version", description = "Refuse the update unless the entity is still at this version")
        Long version;
        // --version is the entity's version here, so only --help of the standard options
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                EntityTemplate t = template(h, cet);
                References refs = new References(h);
                StoredEntity e = h.store().update(cet, refs.uuid(cet, uuid), version, refs.resolve(cet, Assignments.parse(values)));
                print(out(), t, e, json, refs);
                return Main.OK;
            }
        }
    }

    @Command(name = "delete", description = "Delete an entity (refused while others reference it).")
    static final class Delete extends HostCommand {
        @Parameters(index = "0")
        String cet;
        @Parameters(index = "1")
        String uuid;
        @Option(names = "--version", description = "Refuse unless the entity is still at this version")
        Long version;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                template(h, cet);
                String resolved = new References(h).uuid(cet, uuid);
                h.store().delete(cet, resolved, version);
                out().println("deleted " + cet + " " + resolved);
                return Main.OK;
            }
        }
    }
}
