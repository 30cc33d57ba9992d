package buttons;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;
import org.meveo.model.storage.Repository;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;

import http.ProviderException;

/** The lines every button repeats: read the pressed entity, find and save entities, tell the operator. */
public abstract class ButtonScript extends Script {

    /**
     * The button-level parameter (the CLI's {@code --dry-run}, the web page's dry-run press) asking a create, update
     * or delete to say exactly what it would send, and to send and change nothing.
     */
    public static final String DRY_RUN = "dryRun";

    private CrossStorageApi storage;
    private Repository repository;

    protected <T> T entity(Map<String, Object> ctx, Class<T> type) throws BusinessException {
        Object value = ctx.get(CONTEXT_ENTITY);
        if (value == null) {
            throw new BusinessException("This button needs an entity: none was given");
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof CustomEntityInstance cei) {
            if (!type.getSimpleName().equals(cei.getCetCode())) {
                throw new BusinessException("This button works on a " + type.getSimpleName() + ", not on a " + cei.getCetCode());
            }
            return CEIUtils.ceiToPojo(cei, type);
        }
        throw new BusinessException("Unexpected entity " + value.getClass().getName());
    }

    /** Whether this press is a dry run: {@link #DRY_RUN} given as {@code true} (a Boolean, or text from a form). */
    protected static boolean dryRun(Map<String, Object> ctx) {
        Object value = ctx.get(DRY_RUN);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    /** A button parameter as text, or null when it is absent or blank. */
    protected static String parameter(Map<String, Object> ctx, String name) {
        Object value = ctx.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /**
     * A provider's refusal as the operator reads it, in the provider's own words with its codes and request id:
     * {@code Cloudflare refused the request (HTTP 400, 9005): Content for A record is invalid. [request id …]}.
     */
    protected static BusinessException refusal(ProviderException e) {
        String message = e.getMessage();
        return new BusinessException(message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1), e);
    }

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

    protected void message(Map<String, Object> ctx, String format, Object... args) {
        ctx.put(RESULT_GUI_MESSAGE, args.length == 0 ? format : String.format(format, args));
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
