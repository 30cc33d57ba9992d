package io.mvinfra.host.store;

import java.util.List;

import io.mvinfra.host.store.StoreException.Violation;

/**
 * What an operator's save must meet beyond the field templates (the module's entity rules, the same the buttons
 * check at press), run by {@link EntityStore#createChecked} and {@link EntityStore#updateChecked} once the values
 * passed the field templates; its violations refuse the save like theirs.
 */
@FunctionalInterface
public interface SaveCheck {
    SaveCheck NONE = (session, entity) -> List.of();

    List<Violation> check(StoreSession session, StoredEntity entity);
}
