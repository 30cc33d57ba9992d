package io.mvinfra.scaleway.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

/** {@link BackupSettings}: the staging bucket in the zone's region, the default endpoint, the store URI, the keys; every problem named. */
class BackupSettingsTest {

    private static final String SECRET = "scw-secret-never-in-a-message";

    @Test
    void theEndpointDefaultsToTheZonesRegionAndTheStoreIsTheProvidersURI() throws Exception {
        BackupSettings settings = BackupSettings.of(provider("staging-1", "s3://backups/mv-infra", null), credential("SCWACCESS", SECRET), "nl-ams-2");

        assertThat(settings.staging().endpoint()).isEqualTo(URI.create("https://s3.nl-ams.scw.cloud"));
        assertThat(settings.staging().region()).isEqualTo("nl-ams");
        assertThat(settings.staging().bucket()).isEqualTo("staging-1");
        assertThat(settings.store()).isEqualTo(URI.create("s3://backups/mv-infra"));
    }

    @Test
    void aGivenEndpointIsUsedAsIs() throws Exception {
        BackupSettings settings = BackupSettings.of(provider("staging-1", "file:///var/backups", "http://127.0.0.1:9000"),
                credential("SCWACCESS", SECRET), "fr-par-1");

        assertThat(settings.staging().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.staging().region()).isEqualTo("fr-par");
    }

    @Test
    void everyMissingSettingIsNamedByItsField() {
        assertThatThrownBy(() -> BackupSettings.of(provider(null, "ftp://x/y", "s3.fr-par.scw.cloud"), credential("SCWACCESS", SECRET), "fr-par-1"))
                .isInstanceOf(BusinessException.class)
                .hasMessageContaining("ServiceProvider.stagingBucket: is required for backups")
                .hasMessageContaining("ServiceProvider.backupStore: must be file:///path or s3://bucket/prefix, is ftp://x/y")
                .hasMessageContaining("ServiceProvider.objectStorageEndpoint: must be an http(s) URL such as https://s3.fr-par.scw.cloud");
    }

    @Test
    void theCredentialNeedsBothKeysAndTheSecretNeverShows() {
        assertThatThrownBy(() -> BackupSettings.of(provider("staging-1", "file:///b", null), credential(null, SECRET), "fr-par-1"))
                .isInstanceOf(BusinessException.class).hasMessageContaining("Credential.accessKey: is required for backups")
                .message().doesNotContain(SECRET);
    }

    private static ServiceProvider provider(String bucket, String store, String endpoint) {
        ServiceProvider provider = new ServiceProvider();
        provider.setCode("scw-main");
        provider.setStagingBucket(bucket);
        provider.setBackupStore(store);
        provider.setObjectStorageEndpoint(endpoint);
        return provider;
    }

    private static Credential credential(String accessKey, String secretKey) {
        Credential credential = new Credential();
        credential.setAccessKey(accessKey);
        credential.setApiKey(secretKey);
        return credential;
    }
}
