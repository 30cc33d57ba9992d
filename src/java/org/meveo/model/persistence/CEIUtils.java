package org.meveo.model.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meveo.model.CustomEntity;
import org.meveo.model.customEntities.CustomEntityInstance;

/**
 * Converts between a {@link CustomEntityInstance} and its template's POJO. A POJO field is named after its
 * field template's code; a reference is a POJO holding only the referenced uuid (find it to read it).
 */
public final class CEIUtils {

    private CEIUtils() {
    }

    public static <T> T ceiToPojo(CustomEntityInstance cei, Class<T> pojoClass) {
        try {
            T pojo = pojoClass.getDeclaredConstructor().newInstance();
            Map<String, Object> values = cei.getCfValuesAsValues();
            for (Field field : fields(pojoClass)) {
                Object value = field.getName().equals("uuid") ? cei.getUuid() : values.get(field.getName());
                if (value != null) {
                    field.set(pojo, coerce(value, field.getType(), field.getGenericType(), field.getName()));
                }
            }
            return pojo;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build " + pojoClass.getName() + ": " + e.getMessage(), e);
        }
    }

    public static CustomEntityInstance pojoToCei(Object pojo) {
        CustomEntityInstance cei = new CustomEntityInstance();
        cei.setCetCode(pojo.getClass().getSimpleName());
        try {
            for (Field field : fields(pojo.getClass())) {
                Object value = field.get(pojo);
                if (field.getName().equals("uuid")) {
                    cei.setUuid((String) value);
                } else {
                    cei.setCfValue(field.getName(), flatten(value));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read " + pojo.getClass().getName(), e);
        }
        return cei;
    }

    /**
     * A POJO's fields, looked up once per class: getDeclaredFields copies every Field at each call, and a sync of
     * 10 000 records converts each record two or three times (some 300 MB of copies in a 10 000-record first sync).
     */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            return List.copyOf(fields);
        }
    };

    private static List<Field> fields(Class<?> type) {
        return FIELDS.get(type);
    }

    private static Object flatten(Object value) {
        if (value instanceof CustomEntity entity) {
            return entity.getUuid();
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(flatten(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), flatten(v)));
            return out;
        }
        return value;
    }

    private static Object coerce(Object value, Class<?> type, Type generic, String name) throws ReflectiveOperationException {
        if (List.class.isAssignableFrom(type)) {
            Type item = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            List<Object> out = new ArrayList<>();
            for (Object element : value instanceof Collection<?> c ? c : List.of(value)) {
                out.add(coerce(element, item instanceof Class<?> k ? k : Object.class, item, name));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(type) && value instanceof Map<?, ?> map) {
            Type item = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), coerce(e.getValue(), item instanceof Class<?> k ? k : Object.class, item, name));
            }
            return out;
        }
        if (CustomEntity.class.isAssignableFrom(type)) {
            if (type.isInstance(value)) {
                return value;
            }
            Object ref = type.getDeclaredConstructor().newInstance();
            Field uuid = fields(type).stream().filter(f -> f.getName().equals("uuid")).findFirst()
                    .orElseThrow(() -> new NoSuchFieldException(type.getName() + ".uuid"));
            uuid.set(ref, value instanceof CustomEntityInstance cei ? cei.getUuid() : String.valueOf(value));
            return ref;
        }
        if (type == String.class) {
            return String.valueOf(value);
        }
        if (type == Long.class && value instanceof Number n) {
            return n.longValue();
        }
        if (type == Long.class && value instanceof String s) {
            return Long.valueOf(s.trim());
        }
        if (type == Double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type == Double.class && value instanceof String s) {
            return Double.valueOf(s.trim());
        }
        if (type == Boolean.class && value instanceof String s) {
            return Boolean.valueOf(s.trim());
        }
        if (type == Instant.class && value instanceof String s) {
            return Instant.parse(s);
        }
        if (type == Instant.class && value instanceof Date d) {
            return d.toInstant();
        }
        if (type.isInstance(value) || type == Object.class) {
            return value;
        }
        throw new IllegalArgumentException("field " + name + ": cannot use a " + value.getClass().getSimpleName() + " as " + type.getSimpleName());
    }
}
