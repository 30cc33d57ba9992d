package io.mvinfra.host.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.store.FieldValues;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.store.StoreException.Violation;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.Requests;

/**
 * {@code /api/entities/{cet}[/{uuid}]}: list (paged, filtered), read, create, update, delete. The store
 * validates every write against the field templates; this layer adds what only a user-facing API needs:
 * an update must name the version it was based on, and fields the template marks {@code allowEdit: false}
 * (filled by the provider's answer) cannot be changed once the entity exists.
 */
public final class EntityController {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    record Create(Map<String, Object> fields) {
    }

    record Update(Long version, Map<String, Object> fields) {
    }

    private final Host host;

    public EntityController(Host host) {
        this.host = host;
    }

    public void routes(Javalin app) {
        app.get("/api/entities/{cet}", this::list);
        app.post("/api/entities/{cet}", this::create);
        app.get("/api/entities/{cet}/{uuid}", this::get);
        app.put("/api/entities/{cet}/{uuid}", this::update);
        app.delete("/api/entities/{cet}/{uuid}", this::delete);
    }

    static EntityTemplate template(Host host, Context ctx) {
        String cet = ctx.pathParam("cet");
        return host.module().entity(cet).orElseThrow(() -> ApiException.notFound("no entity template " + cet));
    }

    private void list(Context ctx) {
        EntityTemplate template = template(host, ctx);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        String q = ctx.queryParam("q");
        Map<String, Object> page = host.store().inTransaction(s -> {
            List<StoredEntity> items = s.search(template.code(), q, offset, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entity", template.code());
            out.put("offset", offset);
            out.put("limit", limit);
            out.put("total", s.countMatching(template.code(), q));
            out.put("items", items.stream().map(e -> EntityJson.of(template, e)).toList());
            out.put("references", EntityJson.references(s, host.module().entities(), items));
            return out;
        });
        ctx.json(page);
    }

    private void get(Context ctx) {
        EntityTemplate template = template(host, ctx);
        ctx.json(read(template, ctx.pathParam("uuid")));
    }

    private void create(Context ctx) {
        EntityTemplate template = template(host, ctx);
        Create body = Requests.body(ctx, Create.class);
        Map<String, Object> fields = body.fields() == null ? Map.of() : body.fields();
        StoredEntity created = host.store().createChecked(template.code(), fields);
        ctx.status(201).header("Location", "/api/entities/" + template.code() + "/" + created.uuid()).json(read(template, created.uuid()));
    }

    private void update(Context ctx) {
        EntityTemplate template = template(host, ctx);
        String uuid = ctx.pathParam("uuid");
        Update body = Requests.body(ctx, Update.class);
        if (body.version() == null) {
            throw ApiException.badRequest("send the version you edited (\"version\": n): it is how a concurrent change is detected");
        }
        Map<String, Object> changes = body.fields() == null ? Map.of() : body.fields();
        StoredEntity current = host.store().require(template.code(), uuid);
        refuseLockedChanges(template, current, changes);
        host.store().updateChecked(template.code(), uuid, body.version(), changes);
        ctx.json(read(template, uuid));
    }

    private void delete(Context ctx) {
        EntityTemplate template = template(host, ctx);
        host.store().delete(template.code(), ctx.pathParam("uuid"), Requests.longParam(ctx, "version"));
        ctx.status(204);
    }

    private Map<String, Object> read(EntityTemplate template, String uuid) {
        return host.store().inTransaction(s -> {
            StoredEntity e = s.get(template.code(), uuid).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND,
                    "no " + template.code() + " with uuid " + uuid));
            Map<String, Object> out = EntityJson.of(template, e);
            out.put("references", EntityJson.references(s, host.module().entities(), List.of(e)));
            return out;
        });
    }

    /** Meveo's allowEdit=false: set at creation or by a button, read-only for people afterwards. */
    private static void refuseLockedChanges(EntityTemplate template, StoredEntity current, Map<String, Object> changes) {
        List<Violation> violations = new ArrayList<>();
        changes.forEach((code, value) -> template.field(code).filter(f -> !f.allowEdit()).ifPresent(f -> {
            if (!unchanged(f, current.value(code), value)) {
                violations.add(new Violation(template.code(), code, "allowEdit", "cannot be changed once the " + template.name() + " exists"));
            }
        }));
        if (!violations.isEmpty()) {
            throw new StoreException(violations);
        }
    }

    /** A client that sends back what it read (1 for 1.0, the same list) changes nothing. */
    private static boolean unchanged(FieldTemplate field, Object current, Object sent) {
        if (field.isSecret()) {
            return StoredEntity.MASK.equals(sent) || sent == null && current == null;
        }
        List<Violation> unreadable = new ArrayList<>();
        Object canonical = FieldValues.canonical(field, sent, unreadable);
        return unreadable.isEmpty() && Objects.equals(current, canonical);
    }
}
