package io.mvinfra.host.web.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.Requests;

/**
 * What a local delete takes with it, said before it is done: {@code GET …/dependents} lists the entities that refer
 * to this one, directly or through others (a provider's domains and their DNS records), and those it refers to that
 * nothing else does (a provider's credential); {@code POST …/deletion} deletes it with the referrers (or refuses
 * while there are some and they are to be kept) and with the chosen ones of the latter, in one transaction.
 */
public final class DependentsController {
    /** A provider with more is deleted from the CLI, template by template: a page cannot show what it would lose. */
    static final int MAX_REFERRERS = 2000;

    record Deletion(Long version, Boolean deleteReferrers, List<String> alsoDelete) {
    }

    private record Dependent(StoredEntity entity, String field) {
    }

    private final Host host;

    public DependentsController(Host host) {
        this.host = host;
    }

    public void routes(Javalin app) {
        app.get("/api/entities/{cet}/{uuid}/dependents", this::dependents);
        app.post("/api/entities/{cet}/{uuid}/deletion", this::delete);
    }

    private void dependents(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        String uuid = ctx.pathParam("uuid");
        ctx.json(host.store().inTransaction(s -> {
            StoredEntity root = s.get(template.code(), uuid).orElseThrow(() -> notFound(template, uuid));
            Map<String, Object> out = new LinkedHashMap<>();
            List<Dependent> referrers = referrers(s, root);
            Map<String, Integer> counts = new TreeMap<>();
            referrers.forEach(d -> counts.merge(d.entity().cet(), 1, Integer::sum));
            out.put("referrers", referrers.stream().map(d -> json(d)).toList());
            out.put("counts", counts);
            out.put("exclusive", exclusive(s, root).stream().map(d -> json(d)).toList());
            return out;
        }));
    }

    private void delete(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        String uuid = ctx.pathParam("uuid");
        Deletion body = Requests.body(ctx, Deletion.class);
        Map<String, Object> deleted = host.store().inTransaction(s -> {
            StoredEntity root = s.get(template.code(), uuid).orElseThrow(() -> notFound(template, uuid));
            if (body.version() != null && body.version() != root.version()) {
                throw ApiException.conflict(template.name() + " " + uuid + " was changed since version " + body.version() + ": reload it");
            }
            List<Dependent> referrers = referrers(s, root);
            if (!referrers.isEmpty() && !Boolean.TRUE.equals(body.deleteReferrers())) {
                throw ApiException.conflict(label(root) + " is referred to by " + referrers.size() + " entities: delete them with it, or re-point them first");
            }
            List<String> chosen = body.alsoDelete() == null ? List.of() : body.alsoDelete();
            List<Dependent> exclusive = exclusive(s, root);
            List<StoredEntity> also = new ArrayList<>();
            for (String other : chosen) {
                also.add(exclusive.stream().map(Dependent::entity).filter(e -> e.uuid().equals(other)).findFirst()
                        .orElseThrow(() -> ApiException.badRequest("alsoDelete " + other + ": not an entity only this one refers to")));
            }
            List<StoredEntity> order = new ArrayList<>(referrers.stream().map(Dependent::entity).toList());
            order.add(root);
            order.addAll(also);
            deleteAll(s, order);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("deleted", order.size());
            return out;
        });
        ctx.json(deleted);
    }

    /**
     * Deletes in rounds: what nothing left refers to goes first, so a volume goes before its server whatever the order
     * of the search. A round that deletes nothing means a reference from outside the set: the transaction fails whole.
     */
    private static void deleteAll(StoreSession s, List<StoredEntity> entities) {
        List<StoredEntity> left = new ArrayList<>(entities);
        while (!left.isEmpty()) {
            List<StoredEntity> stuck = new ArrayList<>();
            StoreException last = null;
            for (StoredEntity e : left) {
                try {
                    s.delete(e.cet(), e.uuid(), null);
                } catch (StoreException inUse) {
                    if (inUse.kind() != StoreException.Kind.IN_USE) {
                        throw inUse;
                    }
                    stuck.add(e);
                    last = inUse;
                }
            }
            if (stuck.size() == left.size()) {
                throw last;
            }
            left = stuck;
        }
    }

    /** Every entity referring to {@code root}, directly or through another, each once, nearest first. */
    private List<Dependent> referrers(StoreSession s, StoredEntity root) {
        return referrers(s, root, true);
    }

    private List<Dependent> referrers(StoreSession s, StoredEntity root, boolean throughOthers) {
        List<Dependent> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>(Set.of(root.uuid()));
        Deque<StoredEntity> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            StoredEntity target = todo.poll();
            for (EntityTemplate t : host.module().entities().values()) {
                for (FieldTemplate f : t.fields()) {
                    if (!target.cet().equals(f.referencedEntity())) {
                        continue;
                    }
                    for (StoredEntity referrer : s.findBy(t.code(), Map.of(f.code(), target.uuid()))) {
                        if (seen.add(referrer.uuid())) {
                            if (out.size() >= MAX_REFERRERS) {
                                throw ApiException.conflict(label(root) + " is referred to by more than " + MAX_REFERRERS
                                        + " entities: delete them from the CLI first, template by template");
                            }
                            out.add(new Dependent(referrer, f.code()));
                            if (throughOthers) {
                                todo.add(referrer);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The entities {@code root} refers to that no other entity refers to: its own credential, say. */
    private List<Dependent> exclusive(StoreSession s, StoredEntity root) {
        EntityTemplate template = host.module().entity(root.cet()).orElseThrow();
        List<Dependent> out = new ArrayList<>();
        for (FieldTemplate f : template.fields()) {
            if (!f.isReference() || !(root.value(f.code()) instanceof String target)) {
                continue;
            }
            StoredEntity referenced = s.get(f.referencedEntity(), target).orElse(null);
            if (referenced != null && referrers(s, referenced, false).stream().allMatch(d -> d.entity().uuid().equals(root.uuid()))) {
                out.add(new Dependent(referenced, f.code()));
            }
        }
        return out;
    }

    private Map<String, Object> json(Dependent d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entity", d.entity().cet());
        out.put("uuid", d.entity().uuid());
        out.put("label", label(d.entity()));
        out.put("field", d.field());
        return out;
    }

    private String label(StoredEntity e) {
        return host.module().entity(e.cet()).map(t -> t.label(e.values(), e.uuid())).orElse(e.uuid());
    }

    private static StoreException notFound(EntityTemplate template, String uuid) {
        return new StoreException(StoreException.Kind.NOT_FOUND, "no " + template.code() + " with uuid " + uuid);
    }
}
