package io.mvinfra.scaleway.userdata;

import java.util.Locale;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServerUserData;

import io.mvinfra.validation.Violations;
import okhttp3.MediaType;

/** A ServerUserData checked before anything is sent; each problem names its field. */
public final class UserDataRequests {

    private UserDataRequests() {
    }

    /** The key a set sends; the value is the entity's content as is. */
    public static String set(ServerUserData data) throws BusinessException {
        Violations problems = new Violations("ServerUserData");
        String key = key(data, problems);
        if (data.getContent() == null) {
            problems.add("content", "is empty; to remove the key from the server, press 'Delete from server'");
        }
        String type = data.getContentType();
        MediaType parsed = type == null || type.isBlank() ? UserDataClient.TEXT_PLAIN : MediaType.parse(type.strip());
        if (parsed == null || !"text".equals(parsed.type()) || !"plain".equals(parsed.subtype().toLowerCase(Locale.ROOT))) {
            problems.add("contentType", "must be text/plain, is " + type + ": Scaleway takes user data as plain text only");
        }
        problems.throwIfAny();
        return key;
    }

    /** The key a delete sends. */
    public static String delete(ServerUserData data) throws BusinessException {
        Violations problems = new Violations("ServerUserData");
        String key = key(data, problems);
        problems.throwIfAny();
        return key;
    }

    private static String key(ServerUserData data, Violations problems) {
        String key = data.getName();
        if (key == null || key.isBlank()) {
            problems.add("name", "is required: the key, e.g. cloud-init");
            return null;
        }
        if (!key.strip().chars().allMatch(c -> c > ' ' && c != '/' && c < 127)) {
            problems.add("name", "must be one word of printable characters without '/', is '" + key + "'");
            return null;
        }
        return key.strip();
    }
}
