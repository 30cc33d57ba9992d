package io.mvinfra.host.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.EntityStore;
import io.mvinfra.host.store.FieldValues;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;

/**
 * Creates or updates ServiceProvider and Credential entities from the credentials operators already keep
 * for their tools. Idempotent: a second run with the same sources changes nothing and says so.
 */
public final class CredentialImport {

    /** Where to look; null paths mean the tools' own defaults. */
    public record Sources(Path cloudsYaml, String cloud, Path scwConfig, String scwProfile, Map<String, String> env, Path userHome, Path workingDir) {
    }

    public enum Action { CREATED, UPDATED, UNCHANGED }

    /** What an import did to one account; {@code changedFields} names fields, never their values. */
    public record Change(ImportedAccount account, Action action, String providerUuid, String credentialUuid, List<String> changedFields) {
    }

    public List<ImportedAccount> discover(Sources s) {
        for (Path explicit : new Path[] {s.cloudsYaml(), s.scwConfig()}) {
            if (explicit != null && !Files.isRegularFile(explicit)) {
                throw new HostException(HostException.Kind.BAD_INPUT, explicit + ": no such file");
            }
        }
        List<ImportedAccount> found = new ArrayList<>();
        Path clouds = s.cloudsYaml() != null ? s.cloudsYaml() : firstExisting(
                s.env().get("OS_CLIENT_CONFIG_FILE") == null ? null : Path.of(s.env().get("OS_CLIENT_CONFIG_FILE")),
                s.workingDir().resolve("clouds.yaml"), s.userHome().resolve(".config/openstack/clouds.yaml"), Path.of("/etc/openstack/clouds.yaml"));
        String cloud = s.cloud() != null ? s.cloud() : s.env().get("OS_CLOUD");
        if (clouds != null) {
            found.addAll(OpenStackSources.fromCloudsYaml(clouds, cloud));
        }
        found.addAll(OpenStackSources.fromEnvironment(s.env()));
        Path scw = s.scwConfig() != null ? s.scwConfig() : firstExisting(
                s.env().get("SCW_CONFIG_PATH") == null ? null : Path.of(s.env().get("SCW_CONFIG_PATH")), s.userHome().resolve(".config/scw/config.yaml"));
        if (scw != null) {
            found.addAll(ScalewaySources.fromConfig(scw, s.scwProfile() != null ? s.scwProfile() : s.env().get("SCW_PROFILE")));
        }
        found.addAll(ScalewaySources.fromEnvironment(s.env()));
        found.addAll(CloudflareSources.fromEnvironment(s.env()));
        return found;
    }

    public List<Change> apply(EntityStore store, List<ImportedAccount> accounts, boolean dryRun) {
        List<Change> changes = new ArrayList<>();
        for (ImportedAccount account : accounts) {
            try (StoreSession session = store.session()) {
                changes.add(apply(store, session, account));
                if (dryRun) {
                    session.rollback();
                } else {
                    session.commit();
                }
            }
        }
        return changes;
    }

    private Change apply(EntityStore store, StoreSession session, ImportedAccount account) {
        Map<String, Object> providerValues = new LinkedHashMap<>(account.providerFields());
        providerValues.put("code", account.providerCode());
        providerValues.put("kind", account.kind());
        providerValues.put("apiBaseUrl", account.apiBaseUrl());
        List<StoredEntity> existing = session.findBy("ServiceProvider", Map.of("code", account.providerCode()));
        if (existing.isEmpty()) {
            StoredEntity credential = orphanLike(store, session, account).orElse(null);
            if (credential == null) {
                credential = session.create("Credential", account.credentialFields());
            } else {
                updateCredential(store, session, credential, account, new ArrayList<>());
            }
            providerValues.put("credential", credential.uuid());
            providerValues.put("description", "Imported from " + account.origin());
            providerValues.values().removeIf(Objects::isNull);
            StoredEntity provider = session.create("ServiceProvider", providerValues);
            return new Change(account, Action.CREATED, provider.uuid(), credential.uuid(), List.of());
        }
        StoredEntity provider = existing.get(0);
        List<String> changed = new ArrayList<>();
        Object credentialUuid = provider.value("credential");
        StoredEntity credential = credentialUuid == null ? null : session.get("Credential", credentialUuid.toString()).orElse(null);
        if (credential == null) {
            credential = session.create("Credential", account.credentialFields());
            providerValues.put("credential", credential.uuid());
            changed.add("credential");
        } else {
            updateCredential(store, session, credential, account, changed);
        }
        Map<String, Object> providerChanges = differences(store.module().entity("ServiceProvider").orElseThrow(), provider.values(), providerValues);
        if (!providerChanges.isEmpty()) {
            session.update("ServiceProvider", provider.uuid(), provider.version(), providerChanges);
            changed.addAll(0, providerChanges.keySet().stream().filter(k -> !k.equals("credential")).toList());
        }
        return new Change(account, changed.isEmpty() ? Action.UNCHANGED : Action.UPDATED, provider.uuid(), credential.uuid(), changed);
    }

    private static void updateCredential(EntityStore store, StoreSession session, StoredEntity credential, ImportedAccount account, List<String> changed) {
        Map<String, Object> credentialChanges = differences(store.module().entity("Credential").orElseThrow(), store.reveal(credential),
                account.credentialFields());
        if (!credentialChanges.isEmpty()) {
            session.update("Credential", credential.uuid(), credential.version(), credentialChanges);
            credentialChanges.keySet().forEach(k -> changed.add("credential." + k));
        }
    }

    /**
     * A Credential left behind when its ServiceProvider was deleted, with the same non-secret fields as the imported
     * one: adopted rather than duplicated.
     */
    private static Optional<StoredEntity> orphanLike(EntityStore store, StoreSession session, ImportedAccount account) {
        EntityTemplate template = store.module().entity("Credential").orElseThrow();
        Map<String, Object> identity = new LinkedHashMap<>();
        account.credentialFields().forEach((code, value) -> {
            if (value != null && !template.field(code).map(FieldTemplate::isSecret).orElse(true)) {
                identity.put(code, value);
            }
        });
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        return session.findBy("Credential", identity).stream()
                .filter(c -> differences(template, c.values(), identity).isEmpty())
                .filter(c -> session.findBy("ServiceProvider", Map.of("credential", c.uuid())).isEmpty())
                .findFirst();
    }

    /** The imported values that differ from the stored ones, compared in their canonical form. */
    private static Map<String, Object> differences(EntityTemplate template, Map<String, Object> current, Map<String, Object> wanted) {
        Map<String, Object> out = new LinkedHashMap<>();
        wanted.forEach((code, value) -> {
            FieldTemplate field = template.field(code).orElseThrow(() -> new IllegalStateException(template.code() + " has no field " + code));
            Object canonical = value == null ? null : FieldValues.canonical(field, value, new ArrayList<>());
            if (canonical != null && !Objects.equals(canonical, current.get(code))) {
                out.put(code, value);
            }
        });
        return out;
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (p != null && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
