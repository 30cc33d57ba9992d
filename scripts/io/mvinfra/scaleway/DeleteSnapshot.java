package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.http.ProviderCall;

/** Snapshot → "Delete on Scaleway": deleted there (Scaleway refuses while an image or a volume uses it), then removed here. */
public class DeleteSnapshot extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Snapshot snapshot = entity(ctx, Snapshot.class);
        String name = "Snapshot " + snapshot.getName();
        String id = requireProviderSideId(name, snapshot.getProviderSideId(), "delete the entity itself");
        String zone = zoneOf("Snapshot", snapshot.getZone());
        ProviderCall<String> delete = scaleway(provider(snapshot.getProvider(), name)).snapshots().delete(zone, id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        Snapshot marked = new Snapshot(snapshot.getUuid());
        marked.setMissingAtProvider(Boolean.TRUE);
        marked.setState("deleted");
        message(ctx, "%s %s (id %s) and %s", name, outcome, id, removeHere(snapshot.getUuid(), Snapshot.class, marked));
    }
}
