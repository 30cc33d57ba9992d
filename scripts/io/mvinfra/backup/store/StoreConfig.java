package io.mvinfra.backup.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The store's one plain object, {@code config}: the format, the Argon2id parameters and random salt, and the
 * store's secrets sealed under the key Argon2id derives from the passphrase (or key file). Everything in it but the
 * sealed secrets is bound in as associated data, so a wrong key and a tampered config both fail the same check,
 * before the store writes anything.
 */
final class StoreConfig {

    static final String NAME = "config";
    static final String FORMAT = "mv-infra-backup-store";
    static final int FORMAT_VERSION = 1;
    /** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes. */
    static final int KDF_MEMORY_KIB = 64 * 1024;
    static final int KDF_ITERATIONS = 3;
    static final int KDF_PARALLELISM = 4;
    private static final int SALT_BYTES = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreConfig() {
    }

    /**
     * The secrets of the store at the backend, created with a new random master key at first use. Two processes
     * creating one store at once: each reads the config back after writing and keeps what is there, so the loser
     * of the race either shares the winner's key or gets a {@link WrongStoreKeyException}.
     */
    static StoreSecrets openOrCreate(StoreBackend backend, StoreKey key, SecureRandom random) throws IOException {
        byte[] existing;
        try {
            existing = backend.read(NAME);
        } catch (FileNotFoundException absent) {
            backend.write(NAME, create(key, random));
            existing = backend.read(NAME);
        }
        return open(backend, existing, key);
    }

    private static byte[] create(StoreKey key, SecureRandom random) throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        ObjectNode config = JSON.createObjectNode();
        config.put("format", FORMAT);
        config.put("version", FORMAT_VERSION);
        ObjectNode kdf = config.putObject("kdf");
        kdf.put("name", "argon2id");
        kdf.put("memoryKiB", KDF_MEMORY_KIB);
        kdf.put("iterations", KDF_ITERATIONS);
        kdf.put("parallelism", KDF_PARALLELISM);
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode chunking = config.putObject("chunking");
        chunking.put("minBytes", Chunker.MIN_BYTES);
        chunking.put("averageBytes", Chunker.AVERAGE_BYTES);
        chunking.put("maxBytes", Chunker.MAX_BYTES);
        config.put("compression", "zstd");
        config.put("cipher", "AES-256-GCM");
        byte[] secrets = StoreSecrets.random(random).encoded();
        Sealer wrapper = new Sealer(wrappingKey(key, KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_PARALLELISM, salt), random);
        config.put("secrets", Base64.getEncoder().encodeToString(wrapper.seal(associatedName(config), secrets, 0, secrets.length)));
        Arrays.fill(secrets, (byte) 0);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
    }

    private static StoreSecrets open(StoreBackend backend, byte[] bytes, StoreKey key) throws IOException {
        ObjectNode config;
        try {
            config = (ObjectNode) JSON.readTree(bytes);
        } catch (IOException | ClassCastException e) {
            throw new IOException("the backup store at " + backend.location() + " has a config that is not JSON", e);
        }
        if (!FORMAT.equals(config.path("format").asText()) || config.path("version").asInt() != FORMAT_VERSION) {
            throw new IOException("the backup store at " + backend.location() + " is not an " + FORMAT + " version "
                    + FORMAT_VERSION + " store (format " + config.path("format").asText() + ", version " + config.path("version").asText() + ")");
        }
        var kdf = config.path("kdf");
        if (!"argon2id".equals(kdf.path("name").asText())) {
            throw new IOException("the backup store at " + backend.location() + " names an unknown key derivation " + kdf.path("name").asText());
        }
        byte[] salt = Base64.getDecoder().decode(kdf.path("salt").asText());
        byte[] sealed = Base64.getDecoder().decode(config.path("secrets").asText());
        int memory = kdf.path("memoryKiB").asInt();
        int iterations = kdf.path("iterations").asInt();
        int parallelism = kdf.path("parallelism").asInt();
        if (memory < 8 * 1024 || memory > 4 * 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 64) {
            throw new IOException("the backup store at " + backend.location() + " has key derivation settings out of range");
        }
        Sealer wrapper = new Sealer(wrappingKey(key, memory, iterations, parallelism, salt), new SecureRandom());
        try {
            return StoreSecrets.of(wrapper.open(associatedName(config), sealed));
        } catch (BrokenObjectException e) {
            throw new WrongStoreKeyException(backend.location());
        }
    }

    /** The config minus its sealed secrets, as the "name" the secrets are sealed under. */
    private static String associatedName(ObjectNode config) throws IOException {
        ObjectNode bound = config.deepCopy();
        bound.remove("secrets");
        return NAME + ":" + new String(JSON.writeValueAsBytes(bound), StandardCharsets.UTF_8);
    }

    private static SecretKeySpec wrappingKey(StoreKey key, int memoryKiB, int iterations, int parallelism, byte[] salt) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] material = key.material();
        byte[] derived = new byte[32];
        argon2.generateBytes(material, derived);
        Arrays.fill(material, (byte) 0);
        return new SecretKeySpec(derived, "AES");
    }
}
