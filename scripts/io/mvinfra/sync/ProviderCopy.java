package io.mvinfra.sync;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the provider last answered for an entity, kept in the entity itself: a template that declares the field
 * {@value #FIELD} (LONG_TEXT) gets, at every save of a provider button, its values as they are then — the provider's
 * answer just mapped in — as {@code {"provider": "Cloudflare", "fields": {…}}}. A later local edit makes the entity
 * differ from that copy: the page marks it as having changes not pushed to the provider. It is a field, not a
 * table of the host's, so Meveo keeps it as well (its GUI shows it; the mark is the host's).
 */
public final class ProviderCopy {

    public static final String FIELD = "providerCopy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderCopy() {
    }

    /**
     * Sets {@code pojo}'s copy to its own values, when its template has one; a template without does nothing.
     * Null values are left out: to the storage API they mean "unchanged", and a button saves the entity it read.
     */
    public static void record(Object pojo, String provider) {
        Method setter = setter(pojo.getClass());
        if (setter == null) {
            return;
        }
        try {
            setter.invoke(pojo, copyOf(pojo, provider));
        } catch (JsonProcessingException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not keep the provider's copy of " + pojo.getClass().getSimpleName(), e);
        }
    }

    private static String copyOf(Object pojo, String provider) throws JsonProcessingException {
        CustomEntityInstance cei = CEIUtils.pojoToCei(pojo);
        Map<String, Object> fields = new TreeMap<>();
        cei.getCfValuesAsValues().forEach((code, value) -> {
            if (value != null && !code.equals(FIELD)) {
                fields.put(code, value instanceof Instant at ? at.toString() : value);
            }
        });
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("provider", provider);
        copy.put("fields", fields);
        return JSON.writeValueAsString(copy);
    }

    /**
     * Whether {@code pojo} is being saved as its provider answered: its copy is what {@link #record} makes of it now.
     * A template without a copy, or a value that changed on the way, says no.
     */
    public static boolean isWriteBack(Object pojo) {
        Method getter = getter(pojo.getClass());
        if (getter == null) {
            return false;
        }
        try {
            Object kept = getter.invoke(pojo);
            if (!(kept instanceof String text) || text.isBlank()) {
                return false;
            }
            Object provider = JSON.readTree(text).path("provider").asText(null);
            return provider != null && JSON.readTree(text).equals(JSON.readTree(copyOf(pojo, provider.toString())));
        } catch (JsonProcessingException | IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    private static Method getter(Class<?> type) {
        try {
            return type.getMethod("getProviderCopy");
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    /** The generated POJOs have one setter per field: whether this one has the copy is whether its template does. */
    private static Method setter(Class<?> type) {
        try {
            return type.getMethod("setProviderCopy", String.class);
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }
}
