package org.meveo.model;

/** What every generated entity-template POJO implements. */
public interface CustomEntity {
    String getUuid();

    default String getCetCode() {
        return getClass().getSimpleName();
    }

    default boolean isEqualTo(CustomEntity other) {
        return other != null && getUuid() != null && getUuid().equals(other.getUuid());
    }
}
