package io.mvinfra.host.module;

/** Meveo's CustomFieldTypeEnum, restricted to what the host can store and validate. */
public enum FieldType {
    STRING, LONG, DOUBLE, BOOLEAN, DATE, LIST, ENTITY, TEXT_AREA, LONG_TEXT, SECRET;

    public boolean isText() {
        return this == STRING || this == TEXT_AREA || this == LONG_TEXT || this == SECRET || this == LIST;
    }
}
