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
import java.util.Optional;
import java.util.stream.Stream;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.http.HttpRuntime;

/**
 * The module on a host of its own, in a fresh data directory, as an operator has it: entities made and read back
 * through the store, buttons pressed as on the CLI. Each provider's testbed adds its ServiceProvider, credential and
 * the entities its buttons work on ({@code CloudflareTestbed}, and the Scaleway and OpenStack ones after it).
 * A testbed given an HTTP runtime (a {@link TestHttp#runtime} on the test's {@link FakeTime}) makes it the shared one
 * until {@link #close}, even when the test failed; the others run on the JVM's shared runtime as the build configures it
 * (one page at a time, the system clock), which the tests that pass no runtime are written for.
 */
public class ModuleTestbed implements AutoCloseable {

    private final Path home;
    public final Host host;
    /** Null for a testbed on the JVM's shared runtime. */
    private final SharedRuntimeSwap runtime;

    protected ModuleTestbed() {
        this(Optional.empty());
    }

    /** {@code runtime}: the shared HTTP runtime while the testbed is open; empty: the JVM's, left as it is. */
    protected ModuleTestbed(Optional<HttpRuntime> runtime) {
        // in place from before the host opens until after it has closed: what the host does to the shared runtime
        // (its rate limits' slots, on a shared database), it does to this one
        this.runtime = runtime.map(SharedRuntimeSwap::in).orElse(null);
        this.home = TestHosts.tempHome();
        try {
            this.host = TestHosts.open(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir());
        } catch (RuntimeException | Error e) {
            // no close() follows a constructor that failed
            putBackRuntime();
            throw e;
        }
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
        try {
            host.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            putBackRuntime();
        }
    }

    private void putBackRuntime() {
        if (runtime != null) {
            runtime.close();
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
