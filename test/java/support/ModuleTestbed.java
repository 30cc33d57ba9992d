package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;

/**
 * The module on a host of its own, in a fresh data directory, as an operator has it: entities made and read back
 * through the store, buttons pressed as on the CLI. Each provider's testbed adds its ServiceProvider, credential and
 * the entities its buttons work on ({@code CloudflareTestbed}, and the Scaleway and OpenStack ones after it).
 */
public class ModuleTestbed implements AutoCloseable {

    private final Path home;
    public final Host host;

    protected ModuleTestbed() {
        this.home = TestHosts.tempHome();
        this.host = TestHosts.open(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir());
    }

    /** Creates an entity: {@code create("Credential", Map.of("authenticationType", …))}; answers its uuid. */
    public String create(String cet, Map<String, ?> fields) {
        return host.store().create(cet, fields).uuid();
    }

    /** {@code create("Volume", "name", "data", "size", 10L)}. */
    public String create(String cet, Object... fieldsAndValues) {
        return create(cet, fields(null, null, fieldsAndValues));
    }

    public void update(String cet, String uuid, Object... fieldsAndValues) {
        host.store().update(cet, uuid, null, fields(null, null, fieldsAndValues));
    }

    public PressResult press(String cet, String action, String uuid) {
        return press(cet, action, uuid, Map.of());
    }

    public PressResult press(String cet, String action, String uuid, Map<String, Object> parameters) {
        return host.actions().press(new PressRequest(cet, action, uuid, "tester", parameters));
    }

    public PressResult dryRun(String cet, String action, String uuid) {
        return press(cet, action, uuid, Map.of("dryRun", Boolean.TRUE));
    }

    public StoredEntity entity(String cet, String uuid) {
        return host.store().require(cet, uuid);
    }

    public Object field(String cet, String uuid, String field) {
        return entity(cet, uuid).value(field);
    }

    /** Every entity of a template with its fields, to compare before and after a press. */
    public List<Map<String, Object>> snapshot(String cet) {
        return host.store().findBy(cet, Map.of()).stream().map(e -> {
            Map<String, Object> fields = new LinkedHashMap<>(e.values());
            fields.put("uuid", e.uuid());
            fields.put("version", e.version());
            return fields;
        }).toList();
    }

    public List<StoredEntity> all(String cet, String field, Object value) {
        return host.store().findBy(cet, Map.of(field, value));
    }

    @Override
    public void close() {
        host.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code firstField = firstValue} (when not null) and the pairs that follow. */
    protected static Map<String, Object> fields(String firstField, Object firstValue, Object... fieldsAndValues) {
        Map<String, Object> fields = new HashMap<>();
        if (firstField != null) {
            fields.put(firstField, firstValue);
        }
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields;
    }
}
