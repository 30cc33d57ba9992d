-- No statement reads entity_value by uuid alone any more: an entity's rows are removed by their whole key (the store
-- knows the values it indexed), which the lookup index (cet_code, field, scope, val) answers. The uuid index only cost
-- each row a second B-tree entry, its undo-log entry and its commit: a quarter of what a DNS record's write indexes.
DROP INDEX entity_value_by_entity;
