package org.meveo.model.crm.custom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The custom field values of an entity, by field code. Only current values: the host keeps no periods. */
public class CustomFieldValues {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Object getValue(String code) {
        return values.get(code);
    }

    public void setValue(String code, Object value) {
        if (value == null) {
            values.remove(code);
        } else {
            values.put(code, value);
        }
    }

    public boolean hasCfValue(String code) {
        return values.containsKey(code);
    }

    public Map<String, Object> getValues() {
        return Collections.unmodifiableMap(values);
    }
}
