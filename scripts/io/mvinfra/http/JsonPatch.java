package io.mvinfra.http;

import java.util.Objects;

/**
 * One operation of an RFC 6902 JSON patch, as an image service's update takes them:
 * {@code [{"op": "replace", "path": "/name", "value": "web"}, {"op": "remove", "path": "/os_distro"}]}.
 *
 * @param value what to add or put in place; null for a remove (then left out of the JSON)
 */
public record JsonPatch(String op, String path, Object value) {

    public JsonPatch {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
    }

    public static JsonPatch add(String path, Object value) {
        return new JsonPatch("add", path, value);
    }

    public static JsonPatch replace(String path, Object value) {
        return new JsonPatch("replace", path, value);
    }

    public static JsonPatch remove(String path) {
        return new JsonPatch("remove", path, null);
    }
}
