package io.mvinfra.host.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entity as stored. Secret fields hold their ciphertext here: {@link EntityStore#reveal} decrypts
 * for scripts, {@link #masked()} is what any display shows.
 */
public record StoredEntity(String uuid, String cet, long version, Map<String, Object> values, Instant createdAt, Instant updatedAt) {
    public static final String MASK = "******";

    public StoredEntity {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String field) {
        return values.get(field);
    }

    public Map<String, Object> masked() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, SecretCipher.isCiphertext(v) ? MASK : v));
        return out;
    }

    @Override
    public String toString() {
        return "StoredEntity[" + cet + " " + uuid + " v" + version + " " + masked() + "]";
    }
}
