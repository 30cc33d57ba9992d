package io.mvinfra.host.web.api;

import io.mvinfra.host.web.OperatorText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityAction;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.runtime.AuditEntry;
import io.mvinfra.host.web.Requests;

/** {@code GET /api/audit}: the button presses, newest first, optionally of one entity ({@code ?entity=uuid}). */
public final class AuditController {
    private final Host host;

    public AuditController(Host host) {
        this.host = host;
    }

    public void routes(Javalin app) {
        app.get("/api/audit", this::list);
    }

    private void list(Context ctx) {
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", EntityController.DEFAULT_PAGE, 1, EntityController.MAX_PAGE);
        String entity = ctx.queryParam("entity");
        // one row more than asked tells whether there is a next page without counting the whole trail
        List<AuditEntry> rows = host.audit().recent(entity == null || entity.isBlank() ? null : entity.trim(), offset, limit + 1);
        List<AuditEntry> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("hasMore", rows.size() > limit);
        out.put("items", page.stream().map(this::json).toList());
        out.put("references", labels(page));
        ctx.json(out);
    }

    private Map<String, Object> json(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("at", e.at());
        out.put("user", e.user());
        out.put("action", e.action());
        out.put("actionLabel", host.module().action(e.entity(), e.action()).map(EntityAction::label).orElse(e.action()));
        out.put("entity", e.entity());
        out.put("entityUuid", e.entityUuid());
        out.put("outcome", e.outcome());
        out.put("message", OperatorText.ofOutcome(e.outcome(), e.message(), "audit " + e.id()));
        out.put("durationMs", e.durationMs());
        return out;
    }

    /** uuid → {entity, label} of the entities pressed on that still exist. */
    private Map<String, Map<String, String>> labels(List<AuditEntry> entries) {
        return host.store().inTransaction(s -> {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (AuditEntry e : entries) {
                EntityTemplate template = host.module().entities().get(e.entity());
                if (e.entityUuid() == null || template == null || out.containsKey(e.entityUuid())) {
                    continue;
                }
                s.get(e.entity(), e.entityUuid()).ifPresent(found -> out.put(found.uuid(),
                        Map.of("entity", found.cet(), "label", EntityJson.label(template, found))));
            }
            return out;
        });
    }
}
