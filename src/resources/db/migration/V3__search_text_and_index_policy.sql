-- The web search reads one column per entity instead of ~14 entity_value rows: every searchable value (what
-- entity_value held before: no secret, no long text) joined by U+001F, which a search text never matches across.
-- entity_value now holds only the fields looked up by value (references, and fields marked filter or unique),
-- which cuts a first sync's writes (and H2's commit, which walks every row written) by about two thirds.
ALTER TABLE entity ADD COLUMN search_text VARCHAR;

-- Which fields of a template entity_value and search_text were last built from. The store compares it with the
-- module at open and rebuilds a template's index when they differ (after this migration: every template once),
-- so a field newly marked filter is never looked up in an index that lacks it.
CREATE TABLE entity_index_policy (
    cet_code  VARCHAR(255)  NOT NULL PRIMARY KEY,
    fields    VARCHAR(8000) NOT NULL
);
