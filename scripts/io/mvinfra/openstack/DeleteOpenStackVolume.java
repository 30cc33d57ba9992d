package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeSizes;

/**
 * Volume → "Delete on OpenStack": refused while Cinder says it is attached (detach it first); otherwise deleted at
 * Cinder, waited for until gone ({@code error_deleting} ends the wait), then removed here — or kept, marked missing,
 * while a Snapshot still refers to it.
 */
public class DeleteOpenStackVolume extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        String id = requireProviderSideId(name, volume.getProviderSideId(), "delete the entity itself");
        VolumeClient volumes = openstack(provider(volume)).volumes();
        refuseWhileAttached(volumes, id, name);
        ProviderCall<String> delete = volumes.delete(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        try {
            states(volumes).awaitGone(id, name, looks(ctx, name));
        } catch (ProviderException e) {
            throw afterAccepted(name, id, "the delete", e);
        }
        String here;
        try {
            remove(volume.getUuid(), Volume.class);
            here = "removed here";
        } catch (BusinessException stillReferenced) {
            Volume marked = new Volume(volume.getUuid());
            marked.setMissingAtProvider(Boolean.TRUE);
            marked.setState("deleting");
            marked.setProviderSideId("");
            save(marked);
            here = "kept here, marked missing at OpenStack (" + stillReferenced.getMessage() + ")";
        }
        message(ctx, "%s (%s) %s (id %s) and %s", name, VolumeSizes.readable(volume.getSize()), outcome, id, here);
    }

    private void refuseWhileAttached(VolumeClient volumes, String id, String name) throws BusinessException {
        CinderVolume current;
        try {
            current = volumes.get(id);
        } catch (ProviderException e) {
            if (isGone(e)) {
                return;   // the delete then says it was already gone
            }
            throw e;
        }
        if (!current.serverIds().isEmpty()) {
            throw new BusinessException("Volume.server: " + name + " is attached to server " + String.join(", ", current.serverIds())
                    + " (" + current.status() + "): detach it first");
        }
    }
}
