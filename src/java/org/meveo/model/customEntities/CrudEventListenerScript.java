package org.meveo.model.customEntities;

import org.meveo.model.CustomEntity;

/**
 * Meveo's hook on a template's saves and removals (since 6.12): the script a template names in its
 * {@code crudEventListenerScript} is called by Meveo's cross-storage service around every create, update and removal
 * of its entities; an exception thrown before rolls the save back. Same names as Meveo's interface.
 */
public interface CrudEventListenerScript<T extends CustomEntity> {

    Class<T> getEntityClass();

    void prePersist(T entity);

    void preUpdate(T entity);

    void preRemove(T entity);

    void postPersist(T entity);

    void postUpdate(T entity);

    void postRemove(T entity);
}
