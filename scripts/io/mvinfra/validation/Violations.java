package io.mvinfra.validation;

import java.util.ArrayList;
import java.util.List;

import org.meveo.admin.exception.BusinessException;

/**
 * What is wrong with an entity before anything is sent, every problem at once, each naming its field the way the
 * store does: {@code DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 5}.
 */
public final class Violations {

    private final String entity;
    private final List<String> problems = new ArrayList<>();

    /** @param entity the entity template, e.g. {@code DnsRecord} */
    public Violations(String entity) {
        this.entity = entity;
    }

    public void add(String field, String problem) {
        problems.add(entity + "." + field + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws the problems found so far, as one message; nothing when there are none. */
    public void throwIfAny() throws BusinessException {
        if (!problems.isEmpty()) {
            throw new BusinessException(String.join("; ", problems));
        }
    }
}
