package io.mvinfra.host.module;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bundled module's descriptors, validated and pre-parsed at build time ({@code process-classes}) into one
 * compact binary file, {@code module/module.compact} in the jar: a one-shot CLI command reads it instead of
 * parsing some 340 JSON files, checking every EL expression and loading every script class. Each entity
 * template and its buttons are decoded only when a command asks for them. The file names the SHA-256 of the
 * descriptors it was built from; {@link #fingerprint(Path)} recomputes it from a module directory, so a stale
 * copy is never used for a directory and {@code CompactModuleInSyncTest} fails when the build's copy drifts. It also
 * holds the build's {@link DescriptorIndex}, so that checking the checkout it was built from reads only the files
 * whose size or time changed.
 * {@code serve} and {@code module check} keep reading the JSON with {@link ModuleLoader}'s full validation.
 */
public final class CompactModule {
    public static final String RESOURCE = "/module/module.compact";
    /** {@code -Dmvinfra.module.compact=false} makes every command read the JSON (to compare, or to rule it out). */
    public static final String ENABLED_PROPERTY = "mvinfra.module.compact";
    private static final int MAGIC = 0x4d564d32; // "MVM2": the fingerprint, then the descriptor index
    static final List<String> DESCRIPTOR_DIRS = List.of("customEntityCategories", "customEntityTemplates", "customFieldTemplates",
            "entityCustomActions", "jobInstances", "timerEntities");

    private CompactModule() {
    }

    /** Build step: validate the module in {@code args[0]} and write its compact form to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Module module = new ModuleLoader(CompactModule.class.getClassLoader()).read(project);
        byte[] bytes = encode(module, DescriptorIndex.of(project));
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !java.util.Arrays.equals(Files.readAllBytes(out), bytes)) {
            Files.write(out, bytes);
        }
        System.out.println("module.compact: " + module.entities().size() + " entities, " + module.fieldCount() + " fields, "
                + module.actionCount() + " buttons, " + bytes.length + " bytes");
    }

    /** The compact copy bundled in the jar (or on the class path), or null when there is none or it is turned off. */
    public static Module bundled(String location) {
        if (!enabled()) {
            return null;
        }
        try (InputStream in = CompactModule.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : decode(in.readAllBytes(), location, null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The bundled compact copy when it was built from exactly the descriptors in {@code dir}, else null. */
    public static Module forDirectory(Path dir) {
        if (!enabled()) {
            return null;
        }
        try (InputStream in = CompactModule.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : forDirectory(in.readAllBytes(), dir);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code compact} when it was built from exactly the descriptors in {@code dir}, checked against its index, else null. */
    static Module forDirectory(byte[] compact, Path dir) {
        try {
            DescriptorIndex built = indexOf(compact);
            return built == null ? null : decode(compact, dir.toString(), built.check(dir).fingerprint());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
    }

    /** What the compact copy was built from: every descriptor of {@code root} read (see {@link DescriptorIndex#fingerprint}). */
    public static String fingerprint(Path root) {
        return DescriptorIndex.of(root).fingerprint();
    }

    private static DescriptorIndex indexOf(byte[] compact) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(compact));
        if (in.readInt() != MAGIC) {
            return null;
        }
        String fingerprint = in.readUTF();
        in.readInt();
        return DescriptorIndex.read(in, fingerprint);
    }

    /** The fingerprint the compact bytes were built from. */
    public static String fingerprintOf(byte[] compact) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(compact));
            if (in.readInt() != MAGIC) {
                return null;
            }
            return in.readUTF();
        } catch (IOException e) {
            return null;
        }
    }

    // ---- encoding

    static byte[] encode(Module module, DescriptorIndex index) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(index.fingerprint());
            byte[] indexed = section(index::write);   // a section, so that reading the bundled copy skips it unread
            out.writeInt(indexed.length);
            out.write(indexed);
            str(out, module.code());
            str(out, module.version());
            str(out, module.description());
            stringMap(out, module.categories());
            out.writeInt(module.actions().size());
            for (String cet : module.actions().keySet()) {
                str(out, cet);
            }
            out.writeInt(module.entities().size());
            for (EntityTemplate e : module.entities().values()) {
                str(out, e.code());
                byte[] section = section(s -> {
                    entity(s, e);
                    List<EntityAction> actions = module.actionsOf(e.code());
                    s.writeInt(actions.size());
                    for (EntityAction a : actions) {
                        action(s, a);
                    }
                });
                out.writeInt(section.length);
                out.write(section);
            }
            out.writeInt(module.jobs().size());
            for (JobDescriptor j : module.jobs().values()) {
                str(out, j.code());
                str(out, j.description());
                str(out, j.script());
                str(out, j.timerCode());
                out.writeBoolean(j.active());
                stringMap(out, j.variables());
                str(out, j.file());
            }
            out.writeInt(module.timers().size());
            for (TimerDescriptor t : module.timers().values()) {
                str(out, t.code());
                str(out, t.description());
                str(out, t.second());
                str(out, t.minute());
                str(out, t.hour());
                str(out, t.dayOfMonth());
                str(out, t.month());
                str(out, t.dayOfWeek());
                str(out, t.year());
                str(out, t.file());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] section(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static void entity(DataOutputStream out, EntityTemplate e) throws IOException {
        str(out, e.name());
        str(out, e.description());
        str(out, e.category());
        str(out, e.file());
        out.writeInt(e.fields().size());
        for (FieldTemplate f : e.fields()) {
            str(out, f.code());
            str(out, f.description());
            out.writeByte(f.type().ordinal());
            out.writeByte(f.storage().ordinal());
            out.writeBoolean(f.required());
            str(out, f.defaultValue());
            stringMap(out, f.listValues());
            str(out, f.referencedEntity());
            number(out, f.maxValue());
            number(out, f.minValue());
            str(out, f.regExp());
            out.writeBoolean(f.allowEdit());
            out.writeBoolean(f.hideOnNew());
            out.writeInt(f.tab());
            out.writeInt(f.position());
            out.writeBoolean(f.summary());
            out.writeBoolean(f.filter());
            out.writeBoolean(f.unique());
            str(out, f.file());
        }
    }

    private static void action(DataOutputStream out, EntityAction a) throws IOException {
        str(out, a.code());
        str(out, a.label());
        str(out, a.description());
        str(out, a.script());
        str(out, a.applicableOnEl());
        stringMap(out, new TreeMap<>(a.scriptParameters()));
        out.writeBoolean(a.applicableToEntityInstance());
        out.writeBoolean(a.applicableToEntityList());
        out.writeInt(a.position());
        str(out, a.file());
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void number(DataOutputStream out, Long n) throws IOException {
        out.writeBoolean(n != null);
        if (n != null) {
            out.writeLong(n);
        }
    }

    private static void stringMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    // ---- decoding

    /** Null when the bytes are not a compact module or were built from other descriptors than {@code fingerprint}. */
    static Module decode(byte[] bytes, String location, String fingerprint) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            return null;
        }
        String builtFrom = in.readUTF();
        if (fingerprint != null && !fingerprint.equals(builtFrom)) {
            return null;
        }
        in.skipBytes(in.readInt());   // the descriptor index: only a directory's check reads it
        String code = str(in);
        String version = str(in);
        String description = str(in);
        Map<String, String> categories = stringMap(in);
        Set<String> withActions = new java.util.TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) {
            withActions.add(str(in));
        }
        int entityCount = in.readInt();
        Map<String, byte[]> sections = new TreeMap<>();
        for (int i = 0; i < entityCount; i++) {
            String cet = str(in);
            byte[] section = new byte[in.readInt()];
            in.readFully(section);
            sections.put(cet, section);
        }
        Map<String, JobDescriptor> jobs = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            JobDescriptor j = new JobDescriptor(str(in), str(in), str(in), str(in), in.readBoolean(), stringMap(in), str(in));
            jobs.put(j.code(), j);
        }
        Map<String, TimerDescriptor> timers = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            TimerDescriptor t = new TimerDescriptor(str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in));
            timers.put(t.code(), t);
        }
        Sections decoded = new Sections(sections);
        return new Module(code, version, description, location, categories, new LazyMap<>(sections.keySet(), decoded::entity),
                new LazyMap<>(withActions, decoded::actions), jobs, timers);
    }

    /** Each entity template's section, decoded once, on first use. */
    private static final class Sections {
        private final Map<String, byte[]> bytes;
        private final Map<String, EntityTemplate> entities = new LinkedHashMap<>();
        private final Map<String, List<EntityAction>> actions = new LinkedHashMap<>();

        Sections(Map<String, byte[]> bytes) {
            this.bytes = bytes;
        }

        synchronized EntityTemplate entity(String cet) {
            decode(cet);
            return entities.get(cet);
        }

        synchronized List<EntityAction> actions(String cet) {
            decode(cet);
            return actions.get(cet);
        }

        private void decode(String cet) {
            if (entities.containsKey(cet) || !bytes.containsKey(cet)) {
                return;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get(cet)));
                String name = str(in);
                String description = str(in);
                String category = str(in);
                String file = str(in);
                List<FieldTemplate> fields = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    fields.add(new FieldTemplate(cet, str(in), str(in), FieldType.values()[in.readByte()], StorageType.values()[in.readByte()],
                            in.readBoolean(), str(in), stringMap(in), str(in), number(in), number(in), str(in), in.readBoolean(),
                            in.readBoolean(), in.readInt(), in.readInt(), in.readBoolean(), in.readBoolean(), in.readBoolean(), str(in)));
                }
                entities.put(cet, new EntityTemplate(cet, name, description, category, fields, file));
                List<EntityAction> ofEntity = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    ofEntity.add(new EntityAction(str(in), cet, str(in), str(in), str(in), str(in), stringMap(in), in.readBoolean(),
                            in.readBoolean(), in.readInt(), str(in)));
                }
                actions.put(cet, List.copyOf(ofEntity));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A read-only sorted map whose values are decoded on first access. */
    private static final class LazyMap<V> extends AbstractMap<String, V> {
        private final Set<String> keys;
        private final java.util.function.Function<String, V> value;

        LazyMap(Set<String> keys, java.util.function.Function<String, V> value) {
            this.keys = keys;
            this.value = value;
        }

        @Override
        public V get(Object key) {
            return key instanceof String k && keys.contains(k) ? value.apply(k) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && keys.contains(k);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    Iterator<String> it = keys.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, V> next() {
                            String k = it.next();
                            return new SimpleImmutableEntry<>(k, value.apply(k));
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.size();
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return java.util.Collections.unmodifiableSet(keys);
        }
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Long number(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static Map<String, String> stringMap(DataInputStream in) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            map.put(str(in), str(in));
        }
        return map;
    }
}
