package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mvinfra.backup.store.StoreKey;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.objectstorage.S3Keys;
import io.mvinfra.scaleway.backups.StoreKeys;
import support.FakeTime;
import support.S3Server;

/**
 * Backups end to end on loopback: Block Storage played by {@link BlockStorageFake} in WireMock, Object Storage a real
 * S3 server ({@link S3Server}, buckets {@code staging} and {@code backups}) under the credential's access key and
 * secret key, a store in a temporary directory (or {@code s3://backups/store}) under a passphrase, and a real QCOW2
 * volume {@code data-1} (64 MiB virtual: 40 MiB random data, 8 MiB of a pattern) that Block Storage snapshots.
 */
public final class BackupTestbed implements AutoCloseable {

    static final String PASSPHRASE = "correct horse battery staple";
    static final long VOLUME_SIZE = 20_000_000_000L;
    public static final long MIB = 1 << 20;

    final Path dir;
    final FakeTime time = new FakeTime();
    final S3Server s3;
    final BlockStorageFake block;
    final WireMockServer wm;
    final ScalewayTestbed scw;
    final Path image;
    final String volumeId;
    final String volume;
    /** The provider's backupStore, as written there. */
    final String storeUri;
    private final Supplier<StoreKey> previousKey;

    private BackupTestbed(String storeUri) throws Exception {
        this(storeUri, 64, 40, 8);
    }

    /** A volume of {@code virtualMiB} holding {@code randomMiB} of random data and, after it, {@code patternMiB} of a pattern. */
    private BackupTestbed(String storeUri, int virtualMiB, int randomMiB, int patternMiB) throws Exception {
        Qcow2.assumeInstalled();
        dir = Files.createTempDirectory("mv-infra-backup-test");
        previousKey = StoreKeys.use(() -> StoreKey.fromPassphrase(PASSPHRASE.toCharArray()));
        s3 = S3Server.start("staging", "backups");
        block = new BlockStorageFake(dir, new BlockStorageFake.S3Side(s3.endpoint(), S3Server.REGION,
                new S3Keys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY.toCharArray())));
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(block));
        wm.start();
        wm.stubFor(any(urlPathMatching("/block/v1/.*")).willReturn(ok()));
        scw = ScalewayTestbed.at(wm.baseUrl(), time);
        scw.update("Credential", scw.credential, "accessKey", S3Server.ACCESS_KEY, "apiKey", S3Server.SECRET_KEY);
        this.storeUri = storeUri == null ? "file://" + dir.resolve("store") : storeUri;
        scw.update("ServiceProvider", scw.provider, "objectStorageEndpoint", s3.endpoint().toString(), "stagingBucket", "staging",
                "backupStore", this.storeUri);
        image = Qcow2.create(dir.resolve("data-1.qcow2"), virtualMiB * MIB);
        for (int mib = 0; mib < randomMiB; mib += 64) {
            Qcow2.writeRandom(image, mib * MIB, (int) (Math.min(64, randomMiB - mib) * MIB), 1 + mib);
        }
        Qcow2.writePattern(image, (randomMiB + 8) * MIB, (int) (patternMiB * MIB), 0xab);
        volumeId = block.volume("fr-par-1", "data-1", VOLUME_SIZE, image);
        volume = scw.volume("name", "data-1", "zone", "fr-par-1", "volumeType", "sbs_5k", "size", VOLUME_SIZE, "providerSideId", volumeId);
    }

    /** For a benchmark: a bigger volume, the store in a directory. */
    public static BackupTestbed sized(int virtualMiB, int randomMiB, int patternMiB) throws Exception {
        return new BackupTestbed(null, virtualMiB, randomMiB, patternMiB);
    }

    /** Presses "Back up now" on the volume; answers the press's outcome and message. */
    public PressResult backUp() {
        return scw.press("Volume", "backUpScalewayVolume", volume);
    }

    /** Presses "Back up now", each progress line to {@code progress} as it comes. */
    public PressResult backUp(java.util.function.Consumer<String> progress) {
        return scw.host.actions().press(new io.mvinfra.host.runtime.PressRequest("Volume", "backUpScalewayVolume", volume, "tester",
                java.util.Map.of()).withProgress(progress));
    }

    /** Presses "Restore to a new volume" on {@code backup}; answers the press. */
    public PressResult restore(String backup, String name) {
        return scw.press("Backup", "restoreScalewayBackup", backup, java.util.Map.of("name", name));
    }

    /** The volume's Backups, oldest first: each one's fields. */
    public java.util.List<java.util.Map<String, Object>> backups() {
        return scw.all("Backup", "volume", volume).stream().map(b -> {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(b.values());
            fields.put("uuid", b.uuid());
            return fields;
        }).toList();
    }

    /** The QCOW2 file of the volume Scaleway made named {@code name}. */
    public Path restoredImage(String name) {
        return block.bytesOfVolume((String) scw.all("Volume", "name", name).get(0).value("providerSideId"));
    }

    public Path image() {
        return image;
    }

    /** {@code qemu-img compare}: 0 identical. */
    public static int compare(Path a, Path b) throws IOException, InterruptedException {
        return Qcow2.compare(a, b);
    }

    /** Writes random bytes into the volume's disk, through qemu-io. */
    public void writeRandom(long offset, int length, long seed) throws IOException, InterruptedException {
        Qcow2.writeRandom(image, offset, length, seed);
    }

    /** With the store in a directory. */
    static BackupTestbed open() throws Exception {
        return new BackupTestbed(null);
    }

    /** With the store in the S3 server's {@code backups} bucket. */
    static BackupTestbed withStoreAt(String storeUri) throws Exception {
        return new BackupTestbed(storeUri);
    }

    /** The store's directory (for a directory store). */
    Path storeDir() {
        return dir.resolve("store");
    }

    /** Every key of a bucket, as the S3 server itself has them. */
    java.util.List<String> keys(String bucket) {
        return s3.blobs().list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive()).stream()
                .map(org.jclouds.blobstore.domain.StorageMetadata::getName).toList();
    }

    public static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws Exception {
        try {
            scw.close();
            wm.stop();
            s3.close();
        } finally {
            StoreKeys.use(previousKey);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
