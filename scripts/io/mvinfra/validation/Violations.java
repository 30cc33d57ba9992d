package io.mvinfra.validation;

import java.util.ArrayList;
import java.util.List;

import org.meveo.admin.exception.BusinessException;

/**
 * What is wrong with an entity before anything is sent, every problem at once, each naming its field the way the
 * store does: {@code DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 5}.
 */
public final class Violations {

    /**
     * One problem: {@code field} is the entity's field ({@code ttl}), or a part of it ({@code data.port}: the
     * {@code port} of the JSON in {@code data}).
     */
    public record Problem(String field, String message) {
    }

    private final String entity;
    private final List<Problem> problems = new ArrayList<>();

    /** @param entity the entity template, e.g. {@code DnsRecord} */
    public Violations(String entity) {
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }

    public void add(String field, String problem) {
        problems.add(new Problem(field, problem));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems found so far, in the order they were found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Every problem as one line: {@code DnsRecord.ttl: must be …; DnsRecord.priority: is required …}. */
    public String message() {
        return String.join("; ", problems.stream().map(p -> entity + "." + p.field() + ": " + p.message()).toList());
    }

    /** Throws the problems found so far, as one message; nothing when there are none. */
    public void throwIfAny() throws BusinessException {
        if (!problems.isEmpty()) {
            throw new BusinessException(message());
        }
    }
}
