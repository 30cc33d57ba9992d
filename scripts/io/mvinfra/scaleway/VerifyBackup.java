package io.mvinfra.scaleway;

import java.io.IOException;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;

import io.mvinfra.backup.store.Verification;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.scaleway.backups.BackupSettings;
import io.mvinfra.scaleway.backups.StoreKeys;

/**
 * Backup → "Verify": the store re-reads every chunk of the backup's image and checks each hash and the image's
 * digest; the outcome is kept on the Backup ({@code verifiedDate}, {@code verification}) whether it is good or not.
 */
public class VerifyBackup extends ScalewayBackupButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Source source = completed(entity(ctx, Backup.class));
        Backup backup = source.backup();
        BackupSettings settings = settings(source.provider(), backup.getZone()).onStore(backup.getStore());
        Verification verification;
        try (BackupSettings.OpenStore store = settings.openStore(StoreKeys.current())) {
            verification = store.store().verify(backup.getStoreReference(), (done, total) -> { });
        } catch (IOException e) {
            throw new BusinessException(source.label() + " could not be verified: " + e.getMessage(), e);
        }
        progress(ctx, "verified " + verification.chunks() + " chunks");
        Backup changes = new Backup(backup.getUuid());
        changes.setVerifiedDate(HttpRuntime.shared().time().now());
        String outcome = verification.ok() ? "ok: " + verification.chunks() + " chunks re-read, every hash and the image digest match"
                : verification.problems().size() + " problem(s): " + String.join("; ", verification.problems());
        changes.setVerification(outcome.length() <= 1000 ? outcome : outcome.substring(0, 999) + "…");
        saveDurably(changes);
        if (!verification.ok()) {
            throw new BusinessException(source.label() + " failed verification, " + outcome);
        }
        message(ctx, "%s verified in %s: %s", source.label(), settings.store(), outcome);
    }
}
