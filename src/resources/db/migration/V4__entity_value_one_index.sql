-- entity_value keeps one index, by value, now ending with the entity: the store removes an entity's rows by their whole
-- key (it knows the values it wrote), so the second index by entity, which every row a sync adds had to fill too
-- (a third of a first sync's index writes, and of the work H2's commit does on them), is no longer needed.
DROP INDEX entity_value_by_entity;
DROP INDEX entity_value_lookup;
CREATE INDEX entity_value_lookup ON entity_value (cet_code, field, val, uuid);
