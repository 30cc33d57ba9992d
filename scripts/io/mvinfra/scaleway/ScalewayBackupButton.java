package io.mvinfra.scaleway;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.scaleway.backups.BackupSettings;

/** What the backup buttons share: the provider's backup settings and a Backup's volume and provider, checked before any call. */
public abstract class ScalewayBackupButton extends ScalewayStorageButton {

    /** The provider's backup settings for work in {@code zone}, every missing one named by its field. */
    protected BackupSettings settings(ServiceProvider provider, String zone) throws BusinessException {
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        return BackupSettings.of(provider, credential, zone);
    }

    /** How messages name a Backup: {@code Backup of data-1 at 2026-12-02T00:20:08Z}. */
    protected static String label(Backup backup, Volume volume) {
        String when = backup.getCreationDate() == null ? backup.getUuid() : backup.getCreationDate().toString();
        return "Backup of " + (volume == null ? "a volume" : volume.getName()) + " at " + when;
    }

    /** The Backup's volume and provider; a Backup not completed, or without its image in the store, is refused. */
    protected record Source(Backup backup, Volume volume, ServiceProvider provider, String label) {
    }

    protected Source completed(Backup backup) throws BusinessException {
        Volume volume = resolve(backup.getVolume(), Volume.class, "Backup.volume");
        String label = label(backup, volume);
        if (!"completed".equals(backup.getState()) || backup.getStoreReference() == null || backup.getStoreReference().isBlank()) {
            throw new BusinessException("Backup.state: " + label + " is " + backup.getState() + ", not completed: it has no image in the store");
        }
        return new Source(backup, volume, provider(volume.getProvider(), "Volume " + volume.getName()), label);
    }
}
