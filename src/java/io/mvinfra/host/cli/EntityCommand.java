package io.mvinfra.host.cli;

import java.io.PrintWriter;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the entities of a template, oldest first (summary fields as columns).")
    static final class ListEntities extends HostCommand {
        private static final int PAGE = 1000;

        @Parameters(index = "0", description = "Entity template, e.g. DnsRecord")
        String cet;
        @Option(names = {"-o", "--output"}, paramLabel = "table|json|yaml|csv", description = "Output format (default: table)")
        ListOutput.Format format;
        @Option(names = "--json", description = "Same as -o json")
        boolean json;
        @Option(names = "--columns", split = ",", paramLabel = "a,b,c", description = "Fields to show, and uuid, version, createdAt, updatedAt")
        List<String> columns;
        @Option(names = "--offset", description = "Skip this many entities (default 0)")
        Integer offset;
        @Option(names = "--limit", description = "At most this many entities (default " + PAGE + ")")
        Integer limit;
        @Option(names = "--all", description = "Every entity, streamed page by page")
        boolean all;
        @Option(names = "--where", description = "field=value filter (repeatable)")
        List<String> where;

        @Override
        public Integer call() {
            int from = offset == null ? 0 : offset;
            int max = limit == null ? PAGE : limit;
            if (from < 0 || max < 1) {
                throw new HostException(HostException.Kind.BAD_INPUT, from < 0 ? "--offset must be 0 or more, is " + from
                        : "--limit must be 1 or more, is " + max);
            }
            if (all && (offset != null || limit != null)) {
                throw new HostException(HostException.Kind.BAD_INPUT, "--all lists every entity: leave out --offset and --limit");
            }
            ListOutput.Format chosen = format != null ? format : json ? ListOutput.Format.JSON : ListOutput.Format.TABLE;
            try (Host h = host.openToRead()) {
                EntityTemplate t = template(h, cet);
                References refs = new References(h);
                Map<String, Object> filters = refs.resolve(cet, Assignments.parse(where));
                long shown;
                long total;
                try (ListOutput output = new ListOutput(chosen, out(), t, columns, refs)) {
                    if (all && filters.isEmpty()) {
                        // keyset pages: constant cost per page however deep, and only one page in memory
                        shown = 0;
                        for (List<StoredEntity> page = h.store().listAfter(cet, null, PAGE); !page.isEmpty();
                                page = page.size() < PAGE ? List.of() : h.store().listAfter(cet, page.get(page.size() - 1), PAGE)) {
                            output.rows(page);
                            shown += page.size();
                        }
                        total = shown;
                    } else if (filters.isEmpty()) {
                        List<StoredEntity> page = h.store().list(cet, from, max);
                        output.rows(page);
                        shown = page.size();
                        total = from == 0 && shown < max ? shown : h.store().count(cet);
                    } else {
                        List<StoredEntity> found = h.store().findBy(cet, filters);
                        int end = (int) Math.min(found.size(), (long) from + max);
                        List<StoredEntity> page = all ? found : found.subList(Math.min(from, end), end);
                        output.rows(page);
                        shown = page.size();
                        total = found.size();
                    }
                }
                if (total == 0 && chosen == ListOutput.Format.TABLE) {
                    // on stderr, as the cut's warning: stdout stays the table a script reads
                    err().println(filters.isEmpty() ? "no " + cet + " yet" : "no " + cet + " with " + String.join(" and ", where));
                } else if (shown < total) {
                    String range = (shown == 0 ? "none" : (from + 1) + "–" + (from + shown)) + " of " + total + " (use --offset or --all)";
                    if (chosen == ListOutput.Format.TABLE) {
                        out().println(range);
                    } else {
                        err().println("warning: cut to " + range);
                    }
                }
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
            try (Host h = host.openToRead()) {
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
                StoredEntity e = h.store().createChecked(cet, new References(h).resolve(cet, Assignments.parse(values)));
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
                StoredEntity e = h.store().updateChecked(cet, refs.uuid(cet, uuid), version, refs.resolve(cet, Assignments.parse(values)));
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
