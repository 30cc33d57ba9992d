package io.mvinfra.host.cli;

import java.util.ArrayList;
import java.util.List;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail of button presses, newest first.")
final class AuditCommand extends HostCommand {
    @Option(names = "--entity", description = "Only presses on this entity uuid")
    String entity;
    @Option(names = "--limit", defaultValue = "50")
    int limit;
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        try (Host h = host.openToRead()) {
            List<AuditEntry> entries = h.audit().recent(entity, 0, limit);
            if (json) {
                Output.json(out(), entries);
                return Main.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            entries.forEach(e -> rows.add(List.of(e.at().toString(), e.user(), e.action(), e.entity(), String.valueOf(e.entityUuid()),
                    e.outcome().name(), e.durationMs() + " ms", String.valueOf(e.message()))));
            Output.table(out(), List.of("at", "user", "button", "entity", "uuid", "outcome", "duration", "message"), rows);
            return Main.OK;
        }
    }
}
