package org.meveo.api.persistence;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.model.storage.Repository;

/**
 * The storage API scripts use. {@code Class<T>} is an entity-template POJO (org.meveo.model.customEntities)
 * or {@link org.meveo.model.customEntities.CustomEntityInstance}.
 */
public abstract class CrossStorageApi {

    public abstract <T> T find(Repository repository, String uuid, Class<T> cetClass) throws EntityDoesNotExistsException;

    public abstract <T> CrossStorageRequest<T> find(Repository repository, Class<T> cetClass);

    /** Creates the entity when it has no uuid (or an unknown one), updates it otherwise; returns the uuid. */
    public abstract String createOrUpdate(Repository repository, Object value) throws BusinessException;

    public abstract void remove(Repository repository, String uuid, Class<?> cetClass) throws BusinessException;

    public abstract void remove(Repository repository, String uuid, String cetCode) throws BusinessException;
}
