package io.mvinfra.openstack.compute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.validation.Violations;

/**
 * What "Update" changes at Nova, from the Server against Nova's copy: a new name, and the metadata the entity holds
 * (the whole set it wants). Keys only added or changed go by {@code POST /metadata} (the others stay); once a key is
 * to go, the whole set goes by {@code PUT /metadata}, which replaces all, or, where PUT is not spoken (Cyclades), by
 * POST and one DELETE per key. The key {@link ServerClient#ENTITY_KEY} is kept as Nova has it, never sent or removed.
 *
 * @param name     the new name, null to keep it
 * @param merge    keys to add or update by POST (empty: none)
 * @param replace  the whole set for a PUT, null when no PUT
 * @param removed  keys to DELETE one by one (only without PUT)
 */
public record ServerUpdate(String name, Map<String, String> merge, Map<String, String> replace, List<String> removed) {

    public ServerUpdate {
        merge = merge == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(merge));
        replace = replace == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(replace));
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    public boolean isEmpty() {
        return name == null && merge.isEmpty() && replace == null && removed.isEmpty();
    }

    /** What changes, in words: {@code name, metadata (replaced: 3 keys)}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (name != null) {
            parts.add("name");
        }
        if (replace != null) {
            parts.add("metadata replaced (" + replace.size() + " keys)");
        } else {
            if (!merge.isEmpty()) {
                parts.add("metadata " + String.join(", ", merge.keySet().stream().sorted().toList()) + " set");
            }
            if (!removed.isEmpty()) {
                parts.add("metadata " + String.join(", ", removed.stream().sorted().toList()) + " removed");
            }
        }
        return String.join("; ", parts);
    }

    /**
     * @param putSupported whether the cloud replaces the metadata with PUT (every OpenStack; not Cyclades)
     */
    public static ServerUpdate of(Server server, NovaServer current, boolean putSupported) throws BusinessException {
        Violations problems = new Violations("Server");
        String name = server.getInstanceName() == null ? null : server.getInstanceName().strip();
        if (name == null || name.isEmpty()) {
            problems.add("instanceName", "is required");
        } else if (name.length() > 255) {
            problems.add("instanceName", "is " + name.length() + " characters long; Nova takes at most 255");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        if (server.getMetadata() != null) {
            server.getMetadata().forEach((key, value) -> {
                if (ServerClient.ENTITY_KEY.equals(key)) {
                    return;
                }
                if (key.isEmpty() || key.length() > ServerRequests.MAX_METADATA_CHARS) {
                    problems.add("metadata", "key '" + key + "' must be 1 to " + ServerRequests.MAX_METADATA_CHARS + " characters");
                } else if (value != null && value.length() > ServerRequests.MAX_METADATA_CHARS) {
                    problems.add("metadata", key + ": the value is " + value.length() + " characters; Nova takes at most "
                            + ServerRequests.MAX_METADATA_CHARS);
                } else {
                    wanted.put(key, value == null ? "" : value);
                }
            });
        }
        problems.throwIfAny();
        Map<String, String> merge = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!Objects.equals(current.metadata().get(key), value)) {
                merge.put(key, value);
            }
        });
        List<String> removed = current.metadata().keySet().stream()
                .filter(key -> !ServerClient.ENTITY_KEY.equals(key) && !wanted.containsKey(key)).sorted().toList();
        String rename = name.equals(current.name()) ? null : name;
        if (removed.isEmpty()) {
            return new ServerUpdate(rename, merge, null, List.of());
        }
        if (!putSupported) {
            return new ServerUpdate(rename, merge, null, removed);
        }
        Map<String, String> all = new LinkedHashMap<>(wanted);
        String entity = current.metadata().get(ServerClient.ENTITY_KEY);
        if (entity != null) {
            all.put(ServerClient.ENTITY_KEY, entity);
        }
        return new ServerUpdate(rename, Map.of(), all, List.of());
    }
}
