package org.meveo.service.script;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.meveo.admin.exception.BusinessException;

/**
 * Meveo's script base, same names and constant values. In Meveo, {@link #getCDIBean} asks CDI; in the
 * host, the runner binds a resolver to the calling thread for the duration of the call.
 */
public abstract class Script implements ScriptInterface {

    public static final String CONTEXT_ENTITY = "CONTEXT_ENTITY";
    public static final String CONTEXT_PARENT_ENTITY = "CONTEXT_PARENT_ENTITY";
    public static final String CONTEXT_CURRENT_USER = "CONTEXT_CURRENT_USER";
    public static final String CONTEXT_APP_PROVIDER = "CONTEXT_APP_PROVIDER";
    public static final String CONTEXT_ACTION = "CONTEXT_ACTION";
    public static final String RESULT_GUI_OUTCOME = "GUI_OUTCOME";
    public static final String RESULT_GUI_MESSAGE_KEY = "GUI_MESSAGE_KEY";
    public static final String RESULT_GUI_MESSAGE = "GUI_MESSAGE";
    public static final String RESULT_VALUE = "RESULT_VALUE";
    public static final String JOB_RESULT_NB_OK = "RESULT_NB_OK";
    public static final String JOB_RESULT_NB_KO = "RESULT_NB_KO";
    public static final String JOB_RESULT_NB_WARN = "RESULT_NB_WARN";
    public static final String JOB_RESULT_REPORT = "RESULT_REPORT";
    public static final String JOB_RESULT_SUMMARY = "RESULT_SUMMARY";
    public static final String REPOSITORY = "REPOSITORY";

    private static final ThreadLocal<Function<Class<?>, Object>> BEANS = new ThreadLocal<>();

    @Override
    public void init(Map<String, Object> methodContext) throws BusinessException {
    }

    @Override
    public void execute(Map<String, Object> methodContext) throws BusinessException {
    }

    @Override
    public void finalize(Map<String, Object> methodContext) throws BusinessException {
    }

    public void postCommit(Map<String, Object> methodContext) {
    }

    public void postRollback(Map<String, Object> methodContext) {
    }

    protected <T> T getCDIBean(Class<T> beanClass) {
        Function<Class<?>, Object> resolver = BEANS.get();
        if (resolver == null) {
            throw new IllegalStateException("no runtime is bound to this thread: " + beanClass.getName() + " unavailable");
        }
        return beanClass.cast(Objects.requireNonNull(resolver.apply(beanClass), () -> "no bean " + beanClass.getName()));
    }

    /** For the runtime only: makes beans resolvable from scripts run on the current thread. */
    public static AutoCloseable bindBeans(Function<Class<?>, Object> resolver) {
        Function<Class<?>, Object> previous = BEANS.get();
        BEANS.set(resolver);
        return () -> {
            if (previous == null) {
                BEANS.remove();
            } else {
                BEANS.set(previous);
            }
        };
    }
}
