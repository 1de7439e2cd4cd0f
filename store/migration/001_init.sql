-- The first Gloss schema: labels, documents, spans and the edit log.
CREATE TABLE labels (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    color       TEXT NOT NULL,
    hotkey      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    ord         INTEGER NOT NULL
);

CREATE TABLE documents (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in-progress', 'done')),
    metadata   TEXT NOT NULL DEFAULT '{}',
    length     INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE spans (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label_id    TEXT NOT NULL REFERENCES labels(id),
    note        TEXT NOT NULL DEFAULT '',
    annotator   TEXT NOT NULL DEFAULT '',
    grp         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (start >= 0 AND start < "end"),
    UNIQUE (document_id, start, "end", label_id)
);
CREATE INDEX spans_by_label ON spans(label_id);

-- Every annotation edit, for undo across restarts and for audit trails.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    annotator   TEXT NOT NULL,
    action      TEXT NOT NULL,
    document_id TEXT NOT NULL DEFAULT '',
    span_id     TEXT NOT NULL DEFAULT '',
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT '',
    undone      INTEGER NOT NULL DEFAULT 0
);
