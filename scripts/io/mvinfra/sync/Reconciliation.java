package io.mvinfra.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import org.meveo.admin.exception.BusinessException;

/**
 * Brings the entities of one scope (the zones of a provider, the DNS records of a zone…) in line with the provider's
 * complete list of them, for any provider. Run it only once the whole list arrived: an entity absent from a partial
 * list would be marked for nothing.
 * <ul>
 * <li>an entity whose provider-side id is listed takes the listed values, and is written only when one differs;</li>
 * <li>an entity not linked yet (no provider-side id) is linked to a listed item with the same natural key (a zone's
 * name; a record's type, name and content), so listing after creating one by hand does not duplicate it;</li>
 * <li>every other listed item becomes a new entity;</li>
 * <li>an entity whose id is no longer listed is marked, never deleted: nothing an operator entered disappears
 * silently.</li>
 * </ul>
 * <pre>{@code
 * Reconciliation.Outcome outcome = Reconciliation.byId(DnsRecord::getProviderSideId, CloudflareDnsRecord::id)
 *         .naturalKey(…, …).create(item -> newRecordIn(zone)).copy(FromCloudflare::copy).markMissing(FromCloudflare::markMissing)
 *         .run(findAll(DnsRecord.class, "domainName", zone.getUuid()), cloudflare.listDnsRecords(zoneId), this::save);
 * }</pre>
 *
 * @param <E> the entity POJO
 * @param <R> the provider's item
 */
public final class Reconciliation<E, R> {

    /** Writes one entity, as a script's {@code save} does. */
    public interface Writer<E> {
        void save(E entity) throws BusinessException;
    }

    /**
     * What a run did.
     *
     * @param linked  entities created by hand that were matched to a listed item by their natural key
     * @param missing entities whose id the provider no longer lists (marked, kept)
     */
    public record Outcome(int created, int linked, int updated, int unchanged, int missing) {

        public int listed() {
            return created + linked + updated + unchanged;
        }

        /** {@code "12 listed: 3 new, 1 updated, 8 unchanged; 1 no longer at the provider (kept, marked)"} */
        public String summary() {
            List<String> parts = new ArrayList<>();
            addIf(parts, created, "new");
            addIf(parts, linked, "linked");
            addIf(parts, updated, "updated");
            addIf(parts, unchanged, "unchanged");
            return listed() + " listed" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
                    + (missing == 0 ? "" : "; " + missing + " no longer at the provider (kept, marked)");
        }

        private static void addIf(List<String> parts, int count, String what) {
            if (count > 0) {
                parts.add(count + " " + what);
            }
        }
    }

    private final Function<E, String> entityId;
    private final Function<R, String> itemId;
    private Function<E, String> entityKey;
    private Function<R, String> itemKey;
    private Function<R, E> create;
    private BiPredicate<E, R> copy;
    private Predicate<E> markMissing;

    private Reconciliation(Function<E, String> entityId, Function<R, String> itemId) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.itemId = Objects.requireNonNull(itemId, "itemId");
    }

    /** Matches entities to items by the provider-side id. */
    public static <E, R> Reconciliation<E, R> byId(Function<E, String> entityId, Function<R, String> itemId) {
        return new Reconciliation<>(entityId, itemId);
    }

    /** Links entities without a provider-side id to items with the same key (null: never linked). */
    public Reconciliation<E, R> naturalKey(Function<E, String> entityKey, Function<R, String> itemKey) {
        this.entityKey = entityKey;
        this.itemKey = itemKey;
        return this;
    }

    /** A new entity for an item, holding what puts it in the scope (its zone, its provider); {@link #copy} fills it. */
    public Reconciliation<E, R> create(Function<R, E> create) {
        this.create = create;
        return this;
    }

    /** Copies an item's values, its id included, into an entity; true when any changed. */
    public Reconciliation<E, R> copy(BiPredicate<E, R> copy) {
        this.copy = copy;
        return this;
    }

    /** Marks an entity whose item is gone; true when the mark changed it (false when it was marked already). */
    public Reconciliation<E, R> markMissing(Predicate<E> markMissing) {
        this.markMissing = markMissing;
        return this;
    }

    /**
     * @param entities every entity of the scope
     * @param items    the provider's complete list for the scope
     */
    public Outcome run(List<E> entities, List<R> items, Writer<E> writer) throws BusinessException {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(markMissing, "markMissing");
        Map<String, List<E>> byId = new HashMap<>();
        Map<String, Deque<E>> unlinkedByKey = new HashMap<>();
        for (E entity : entities) {
            String id = entityId.apply(entity);
            if (id != null && !id.isBlank()) {
                byId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(entity);
            } else if (entityKey != null && entityKey.apply(entity) != null) {
                unlinkedByKey.computeIfAbsent(entityKey.apply(entity), k -> new ArrayDeque<>()).add(entity);
            }
        }
        int created = 0;
        int linked = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (R item : items) {
            String id = itemId.apply(item);
            if (!listed.add(id)) {
                continue;   // a provider listing an item twice (a page boundary moving under a concurrent change)
            }
            List<E> matches = byId.get(id);
            if (matches != null) {
                for (E entity : matches) {
                    if (copy.test(entity, item)) {
                        writer.save(entity);
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                continue;
            }
            Deque<E> sameKey = itemKey == null ? null : unlinkedByKey.get(itemKey.apply(item));
            if (sameKey != null && !sameKey.isEmpty()) {
                E entity = sameKey.poll();
                copy.test(entity, item);
                writer.save(entity);
                linked++;
                continue;
            }
            E entity = create.apply(item);
            copy.test(entity, item);
            writer.save(entity);
            created++;
        }
        int missing = 0;
        for (Map.Entry<String, List<E>> entry : byId.entrySet()) {
            if (listed.contains(entry.getKey())) {
                continue;
            }
            for (E entity : entry.getValue()) {
                missing++;
                if (markMissing.test(entity)) {
                    writer.save(entity);
                }
            }
        }
        return new Outcome(created, linked, updated, unchanged, missing);
    }
}
