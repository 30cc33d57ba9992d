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
 * complete list of them, for any provider. {@link #run} takes the whole list; {@link #start} takes it page by page as
 * it arrives and marks only once told it is complete: an entity absent from a partial list would be marked for nothing.
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
        Run run = start(() -> entities, writer);
        run.listed(items);
        return run.complete();
    }

    /** The entities of the scope, read when the first page of the list arrived. */
    public interface Entities<E> {
        List<E> read() throws BusinessException;
    }

    /**
     * A reconciliation fed page by page while the provider's list is still being read, so that writing what a page
     * brings overlaps the fetching of the next: {@link Run#listed} links, updates and creates as each page arrives,
     * {@link Run#complete} marks what the whole list lacks. Call {@code complete} only once the list has ended
     * without a failure; a run left unfinished (a page failed) has marked nothing, and what it wrote is what the
     * provider listed, which its press's rollback undoes anyway.
     *
     * @param entities the scope's entities, read at the first {@code listed} (or at {@code complete} for an empty
     *                 list): reading them overlaps the fetching of the pages after the first
     */
    public Run start(Entities<E> entities, Writer<E> writer) {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(markMissing, "markMissing");
        return new Run(Objects.requireNonNull(entities, "entities"), Objects.requireNonNull(writer, "writer"));
    }

    /** One reconciliation under way; see {@link #start}. */
    public final class Run {
        private final Entities<E> source;
        private final Writer<E> writer;
        private final Map<String, List<E>> byId = new HashMap<>();
        private final Map<String, Deque<E>> unlinkedByKey = new HashMap<>();
        private final Set<String> listed = new HashSet<>();
        private boolean read;
        private boolean completed;
        private int created;
        private int linked;
        private int updated;
        private int unchanged;

        private Run(Entities<E> source, Writer<E> writer) {
            this.source = source;
            this.writer = writer;
        }

        /** Items the provider listed, the next part of its list in order; how many were listed so far. */
        public int listed(List<R> items) throws BusinessException {
            if (completed) {
                throw new IllegalStateException("this reconciliation is complete");
            }
            readEntities();
            for (R item : items) {
                reconcile(item);
            }
            return listed.size();
        }

        /** Marks the entities whose item the whole list lacked, and says what the run did. */
        public Outcome complete() throws BusinessException {
            readEntities();
            completed = true;
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

        private void readEntities() throws BusinessException {
            if (read) {
                return;
            }
            read = true;
            for (E entity : source.read()) {
                String id = entityId.apply(entity);
                if (id != null && !id.isBlank()) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(entity);
                } else if (entityKey != null && entityKey.apply(entity) != null) {
                    unlinkedByKey.computeIfAbsent(entityKey.apply(entity), k -> new ArrayDeque<>()).add(entity);
                }
            }
        }

        private void reconcile(R item) throws BusinessException {
            String id = itemId.apply(item);
            if (!listed.add(id)) {
                return;   // a provider listing an item twice (a page boundary moving under a concurrent change)
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
                return;
            }
            Deque<E> sameKey = itemKey == null ? null : unlinkedByKey.get(itemKey.apply(item));
            if (sameKey != null && !sameKey.isEmpty()) {
                E entity = sameKey.poll();
                copy.test(entity, item);
                writer.save(entity);
                linked++;
                return;
            }
            E entity = create.apply(item);
            copy.test(entity, item);
            writer.save(entity);
            created++;
        }
    }
}
