package io.mvinfra.storage;

import java.util.List;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.model.storage.Repository;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;

/** What every script of the module (buttons and jobs) does with entities: find, follow references, save, remove. */
public abstract class ModuleScript extends Script {

    private CrossStorageApi storage;
    private Repository repository;

    protected <T> T find(String uuid, Class<T> type) throws EntityDoesNotExistsException {
        return storage().find(repository(), uuid, type);
    }

    /** Follows a reference: the POJO a reference field holds carries only the uuid. */
    protected <T extends org.meveo.model.CustomEntity> T resolve(T reference, Class<T> type, String what) throws BusinessException {
        if (reference == null || reference.getUuid() == null) {
            throw new BusinessException(what + " is not set");
        }
        try {
            return storage().find(repository(), reference.getUuid(), type);
        } catch (EntityDoesNotExistsException e) {
            throw new BusinessException(what + " " + reference.getUuid() + " does not exist any more");
        }
    }

    protected <T> List<T> findAll(Class<T> type, String field, Object value) {
        return storage().find(repository(), type).by(field, value).getResults();
    }

    protected String save(Object pojo) throws BusinessException {
        return storage().createOrUpdate(repository(), pojo);
    }

    protected void remove(String uuid, Class<?> type) throws BusinessException {
        storage().remove(repository(), uuid, type);
    }

    protected CrossStorageApi storage() {
        if (storage == null) {
            storage = getCDIBean(CrossStorageApi.class);
        }
        return storage;
    }

    protected Repository repository() {
        if (repository == null) {
            repository = getCDIBean(RepositoryService.class).findDefaultRepository();
        }
        return repository;
    }
}
