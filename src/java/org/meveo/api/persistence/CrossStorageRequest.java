package org.meveo.api.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A query on one entity template: equality filters on fields, chained with {@link #by}. */
public class CrossStorageRequest<T> {
    private final Class<T> type;
    private final Map<String, Object> filters = new LinkedHashMap<>();
    private final Function<CrossStorageRequest<T>, List<T>> executor;

    public CrossStorageRequest(Class<T> type, Function<CrossStorageRequest<T>, List<T>> executor) {
        this.type = type;
        this.executor = executor;
    }

    public CrossStorageRequest<T> by(String field, Object value) {
        filters.put(field, value);
        return this;
    }

    public List<T> getResults() {
        return executor.apply(this);
    }

    /** The one match, or null when none; more than one is a caller's mistake and fails loudly. */
    public T getResult() {
        List<T> results = getResults();
        if (results.size() > 1) {
            throw new IllegalStateException(results.size() + " " + type.getSimpleName() + " match " + filters + ", expected at most one");
        }
        return results.isEmpty() ? null : results.get(0);
    }

    public Class<T> getType() {
        return type;
    }

    public Map<String, Object> getFilters() {
        return Collections.unmodifiableMap(filters);
    }
}
