package io.mvinfra.validation;

import java.util.Optional;

import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.model.CustomEntity;
import org.meveo.model.customEntities.CrudEventListenerScript;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;

import io.mvinfra.sync.ProviderCopy;

/**
 * A template's {@link EntityRules} as Meveo's save hook: the template's descriptor names the rules' class as its
 * {@code crudEventListenerScript}, and Meveo calls it before each create and update, whoever saves (its admin GUI,
 * its API, a script). A refusal throws, which makes Meveo roll the save back and show the message. A provider
 * button's write-back of the provider's answer (the entity equal to its {@link ProviderCopy}) is not checked, as the
 * host does not check a script's saves. The host calls {@link #check} itself, at the saves of its web page, JSON API
 * and CLI.
 */
public abstract class RulesAtSave<T extends CustomEntity> extends Script implements CrudEventListenerScript<T>, EntityRules<T> {

    private final Class<T> entityClass;

    protected RulesAtSave(Class<T> entityClass) {
        this.entityClass = entityClass;
    }

    @Override
    public Class<T> entityClass() {
        return entityClass;
    }

    @Override
    public Class<T> getEntityClass() {
        return entityClass;
    }

    @Override
    public void prePersist(T entity) {
        refuseIfBroken(entity);
    }

    @Override
    public void preUpdate(T entity) {
        refuseIfBroken(entity);
    }

    @Override
    public void preRemove(T entity) {
    }

    @Override
    public void postPersist(T entity) {
    }

    @Override
    public void postUpdate(T entity) {
    }

    @Override
    public void postRemove(T entity) {
    }

    private void refuseIfBroken(T entity) {
        if (ProviderCopy.isWriteBack(entity)) {
            // a button writing back what the provider answered (an Enterprise zone's TTL of 30, say): the provider
            // holds it already, so refusing it here would only break the list that found it
            return;
        }
        Violations problems = new Violations(entityClass.getSimpleName());
        check(entity, meveoReferences(), problems);
        if (!problems.isEmpty()) {
            // Meveo's hook declares no checked exception; any exception thrown here rolls the save back.
            throw new IllegalArgumentException(problems.message());
        }
    }

    private EntityRules.References meveoReferences() {
        CrossStorageApi storage = getCDIBean(CrossStorageApi.class);
        RepositoryService repositories = getCDIBean(RepositoryService.class);
        return new EntityRules.References() {
            @Override
            public <R extends CustomEntity> Optional<R> find(R reference, Class<R> type) {
                if (reference == null || reference.getUuid() == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(storage.find(repositories.findDefaultRepository(), reference.getUuid(), type));
                } catch (EntityDoesNotExistsException gone) {
                    return Optional.empty();
                }
            }
        };
    }
}
