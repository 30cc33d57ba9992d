package org.meveo.model.customEntities;

import java.util.LinkedHashMap;
import java.util.Map;

import org.meveo.model.crm.custom.CustomFieldValues;

/**
 * An instance of an entity template, as Meveo hands it to a button's script. A reference to another
 * entity is held as that entity's uuid; a list field as a {@code List}; a date as an {@code Instant}.
 */
public class CustomEntityInstance {
    private String uuid;
    private String cetCode;
    private String code;
    private String description;
    private CustomFieldValues cfValues = new CustomFieldValues();

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getCetCode() {
        return cetCode;
    }

    public void setCetCode(String cetCode) {
        this.cetCode = cetCode;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public CustomFieldValues getCfValues() {
        return cfValues;
    }

    public void setCfValues(CustomFieldValues cfValues) {
        this.cfValues = cfValues == null ? new CustomFieldValues() : cfValues;
    }

    /** What {@code applicableOnEl} expressions read: {@code entity.getCfValuesAsValues().get("field")}. */
    public Map<String, Object> getCfValuesAsValues() {
        return new LinkedHashMap<>(cfValues.getValues());
    }

    public Object getCfValue(String code) {
        return cfValues.getValue(code);
    }

    public void setCfValue(String code, Object value) {
        cfValues.setValue(code, value);
    }

    @Override
    public String toString() {
        return "CustomEntityInstance[" + cetCode + " " + uuid + "]";
    }
}
