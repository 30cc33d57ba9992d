package io.mvinfra.validation;

import java.util.Optional;

import org.meveo.model.CustomEntity;

/**
 * The rules a provider's buttons check on an entity of one template before any request (a DNS record's TTL, an MX
 * record's priority, a lockdown rule's ranges), declared once so that a save runs the same code as a press. What
 * needs the provider's answer (is the type on offer in this zone?) stays in the buttons.
 */
public interface EntityRules<T extends CustomEntity> {

    /** The template's POJO, whose simple name is the template's code. */
    Class<T> entityClass();

    /** Adds every problem of {@code entity} to {@code problems}, each naming its field. */
    void check(T entity, References references, Violations problems);

    /** How rules read what an entity refers to (a record's domain): the store of the runtime they run in. */
    interface References {
        /** The whole entity a reference field points to, or empty when it is not set or no longer exists. */
        <R extends CustomEntity> Optional<R> find(R reference, Class<R> type);
    }
}
