package io.mvinfra.scaleway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;

/**
 * What the buttons of volumes, snapshots and images share: the entity's provider and zone, the credential's project,
 * the wait of a create until what it made is {@code available}, lists read across the provider's zones, and an entity
 * removed once the provider deleted its thing — or kept, marked, while other entities still refer to it.
 */
public abstract class ScalewayStorageButton extends ScalewayButton {

    /** How long a create waits for {@code available}: terraform-provider-scaleway's default for Block Storage. */
    static final Duration DEADLINE = Duration.ofMinutes(5);
    static final String AVAILABLE = "available";

    protected ServiceProvider provider(ServiceProvider reference, String owner) throws BusinessException {
        return resolve(reference, ServiceProvider.class, owner + ": provider");
    }

    /** The project a create goes to: the credential's {@code projectId}, or null for the secret key's default project. */
    protected String projectId(ServiceProvider provider) throws BusinessException {
        if (provider.getCredential() == null) {
            return null;
        }
        String project = resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential")
                .getProjectId();
        return project == null || project.isBlank() ? null : project.strip();
    }

    /** The zone of an entity at Scaleway, required to reach it: {@code Volume.zone: is empty; …}. */
    protected static String zoneOf(String cet, String zone) throws BusinessException {
        if (zone == null || zone.isBlank()) {
            throw new BusinessException(cet + ".zone: is empty; the Scaleway zone it is in is needed (press the list button to fill it)");
        }
        return zone.strip();
    }

    /**
     * Looks at what a create made until it is {@code available}, failing fast on {@code error} and at
     * {@link #DEADLINE}; the last look is returned. The id is kept already: a failed wait says so and where to look.
     *
     * @param what as messages name it: {@code Volume data-1}
     */
    protected <T> T awaitAvailable(Map<String, Object> ctx, String what, String id, Supplier<T> look, Function<T, String> state)
            throws BusinessException {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            StateWait.of("scaleway", what, HttpRuntime.shared().time(), () -> {
                T seen = look.get();
                last.set(seen);
                return state.apply(seen);
            }).until(AVAILABLE).failingOn("error").within(DEADLINE)
                    .onProgress(p -> progress(ctx, what + ": " + p.state() + " after " + p.elapsed().toSeconds() + " s"))
                    .await();
        } catch (ProviderException e) {
            throw new BusinessException(what + " was created at Scaleway (id " + id + "), its id is kept here, but it is not "
                    + AVAILABLE + ": " + e.getMessage(), e);
        }
        return last.get();
    }

    /** Every item of every zone, or a failure: a list changes nothing unless each zone's list arrived whole. */
    protected static <R> List<R> everyZone(List<String> zones, Function<String, List<R>> list) {
        List<R> items = new ArrayList<>();
        zones.forEach(zone -> items.addAll(list.apply(zone)));
        return items;
    }

    /** The entities of the listed zones (or of none yet): those a list of these zones speaks for. */
    protected static <E> List<E> inZones(List<E> entities, Function<E, String> zone, List<String> zones) {
        return entities.stream().filter(e -> zone.apply(e) == null || zones.contains(zone.apply(e))).toList();
    }

    /** Entity uuids by provider-side id, to point a reference at the entity Scaleway names. */
    protected static <E> Map<String, String> uuidsById(List<E> entities, Function<E, String> providerSideId, Function<E, String> uuid) {
        Map<String, String> uuids = new HashMap<>();
        entities.stream().filter(e -> providerSideId.apply(e) != null).forEach(e -> uuids.put(providerSideId.apply(e), uuid.apply(e)));
        return uuids;
    }

    /**
     * Removes the entity of what the provider deleted; while others still refer to it (a snapshot to its volume, an
     * image to its snapshot), it is kept, marked missing at the provider, and {@code marked} says so.
     *
     * @param marked the entity's changes marking it missing
     */
    protected String removeHere(String uuid, Class<?> type, Object marked) throws BusinessException {
        try {
            remove(uuid, type);
            return "removed here";
        } catch (BusinessException stillReferenced) {
            save(marked);
            return "kept here, marked missing at Scaleway (" + stillReferenced.getMessage() + ")";
        }
    }
}
