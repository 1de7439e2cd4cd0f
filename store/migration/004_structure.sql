-- Structure: relation types and relations between spans, events (brat's E
-- lines), attribute definitions and span attributes, typed notes,
-- equivalence sets, normalisations, and document categories.
--
-- From now on tables refer to spans(id): a later migration that rebuilds
-- spans must keep the ids and turn foreign keys off while it copies.

-- A span's attribute values, as a JSON object of strings ('' for none).
ALTER TABLE spans ADD COLUMN attrs TEXT NOT NULL DEFAULT '';

CREATE TABLE relation_types (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color       TEXT NOT NULL DEFAULT '',
    directed    INTEGER NOT NULL DEFAULT 1,
    from_labels TEXT NOT NULL DEFAULT '[]', -- JSON list of label names
    to_labels   TEXT NOT NULL DEFAULT '[]',
    from_role   TEXT NOT NULL DEFAULT '',
    to_role     TEXT NOT NULL DEFAULT ''
);

-- Deleting a span deletes its relations.
CREATE TABLE relations (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type_id     TEXT NOT NULL REFERENCES relation_types(id),
    from_span   TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    to_span     TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    attrs       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX relations_by_document ON relations(document_id);
CREATE INDEX relations_by_from ON relations(from_span);
CREATE INDEX relations_by_to ON relations(to_span);
CREATE INDEX relations_by_type ON relations(type_id);

-- Events: a trigger span and arguments, each a span or another event.
CREATE TABLE text_events (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    trigger_span TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    annotator    TEXT NOT NULL DEFAULT '',
    attrs        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX text_events_by_document ON text_events(document_id);
CREATE INDEX text_events_by_trigger ON text_events(trigger_span);

CREATE TABLE event_args (
    event_id  TEXT NOT NULL REFERENCES text_events(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    role      TEXT NOT NULL,
    ref_span  TEXT REFERENCES spans(id) ON DELETE CASCADE,
    ref_event TEXT REFERENCES text_events(id) ON DELETE CASCADE,
    CHECK ((ref_span IS NULL) != (ref_event IS NULL)),
    PRIMARY KEY (event_id, pos)
) WITHOUT ROWID;
CREATE INDEX event_args_by_span ON event_args(ref_span);
CREATE INDEX event_args_by_event ON event_args(ref_event);

CREATE TABLE attribute_defs (
    seq   INTEGER PRIMARY KEY,
    id    TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '' COLLATE NOCASE, -- label name, '' for every label
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('bool', 'choice', 'text')),
    vals  TEXT NOT NULL DEFAULT '[]',              -- JSON list, for choice
    scope TEXT NOT NULL DEFAULT '' CHECK (scope IN ('', 'event', 'relation')),
    UNIQUE (label, name, scope)
);

-- Typed notes on a span, relation or event (the target has no foreign key:
-- the store removes notes whose target goes).
CREATE TABLE notes (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    target      TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notes_by_document ON notes(document_id);
CREATE INDEX notes_by_target ON notes(target);

CREATE TABLE equivs (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    members     TEXT NOT NULL -- JSON list of span ids
);
CREATE INDEX equivs_by_document ON equivs(document_id);

CREATE TABLE norms (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    target      TEXT NOT NULL,
    resource    TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX norms_by_document ON norms(document_id);
CREATE INDEX norms_by_target ON norms(target);

CREATE TABLE category_sets (
    seq   INTEGER PRIMARY KEY,
    id    TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    multi INTEGER NOT NULL DEFAULT 0,
    vals  TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE document_categories (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    set_id      TEXT NOT NULL REFERENCES category_sets(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, set_id, value)
) WITHOUT ROWID;
