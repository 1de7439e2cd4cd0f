-- The Gloss project schema on PostgreSQL: the same tables as the SQLite
-- project file's (labels, documents, each annotator's status, spans unique
-- per annotator, the edit log), with times kept as RFC 3339 text so that
-- they round-trip exactly, and identifiers and names compared byte by byte
-- (COLLATE "C"), as SQLite does.

-- Marks the database as a Gloss project: one row.
CREATE TABLE gloss_project (
    id          integer PRIMARY KEY CHECK (id = 1),
    application text NOT NULL CHECK (application = 'gloss'),
    created_at  text NOT NULL
);

CREATE TABLE labels (
    id          text COLLATE "C" PRIMARY KEY,
    name        text COLLATE "C" NOT NULL UNIQUE,
    -- annotate.LabelKey(name): names that differ only in case or Unicode
    -- form are one label.
    key         text COLLATE "C" NOT NULL UNIQUE,
    color       text NOT NULL,
    hotkey      text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    ord         integer NOT NULL
);
CREATE UNIQUE INDEX labels_hotkey ON labels (upper(hotkey)) WHERE hotkey <> '';

CREATE TABLE documents (
    seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id         text COLLATE "C" PRIMARY KEY,
    title      text COLLATE "C" NOT NULL,
    text       text NOT NULL,
    sha256     text NOT NULL,
    source     text NOT NULL DEFAULT '',
    status     text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in-progress', 'done')),
    metadata   text NOT NULL DEFAULT '{}',
    length     integer NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);
CREATE INDEX documents_by_title ON documents (title, seq);
CREATE INDEX documents_by_date ON documents (updated_at, seq);
CREATE INDEX documents_by_sha256 ON documents (sha256);

-- Each annotator's status of each document. No row means todo.
CREATE TABLE document_status (
    document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    annotator   text COLLATE "C" NOT NULL,
    status      text NOT NULL CHECK (status IN ('todo', 'in-progress', 'done')),
    updated_at  text NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE INDEX document_status_by_annotator ON document_status (annotator, status);

CREATE TABLE spans (
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id          text COLLATE "C" PRIMARY KEY,
    document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start       integer NOT NULL,
    "end"       integer NOT NULL,
    label_id    text COLLATE "C" NOT NULL REFERENCES labels (id),
    note        text NOT NULL DEFAULT '',
    annotator   text COLLATE "C" NOT NULL DEFAULT '',
    grp         text NOT NULL DEFAULT '',
    attrs       text NOT NULL DEFAULT '',
    created_at  text NOT NULL,
    updated_at  text NOT NULL,
    CHECK (start >= 0 AND start < "end"),
    UNIQUE (document_id, start, "end", label_id, annotator)
);
CREATE INDEX spans_by_label ON spans (label_id);
CREATE INDEX spans_by_annotator ON spans (annotator, document_id);

-- The edit log. undone: 0 in effect, 1 undone (can be redone), 2 undone
-- and replaced by a newer edit, 3 could not be undone (skipped).
-- ref: for an undo or redo, the seq of the edit it undid or redid.
CREATE TABLE events (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          text NOT NULL,
    annotator   text COLLATE "C" NOT NULL,
    action      text NOT NULL,
    document_id text NOT NULL DEFAULT '',
    span_id     text NOT NULL DEFAULT '',
    before      text NOT NULL DEFAULT '',
    after       text NOT NULL DEFAULT '',
    undone      smallint NOT NULL DEFAULT 0,
    ref         bigint NOT NULL DEFAULT 0
);
CREATE INDEX events_undo ON events (annotator, undone, seq);
CREATE INDEX events_by_span ON events (span_id, seq);

-- Live updates: every change to spans, statuses, documents and labels
-- is announced on the channel gloss_changes, when the transaction commits,
-- with who made it (the connection's gloss.annotator) and from which open
-- project (gloss.origin), so that a listener can leave out its own.
-- Identical notices of one transaction are sent once.
CREATE FUNCTION gloss_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc text := '';
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' THEN
        doc := OLD.document_id;
    ELSIF TG_LEVEL = 'ROW' THEN
        doc := NEW.document_id;
    END IF;
    PERFORM pg_notify('gloss_changes', json_build_object(
        'kind', TG_ARGV[0],
        'document', doc,
        'annotator', coalesce(current_setting('gloss.annotator', true), ''),
        'origin', coalesce(current_setting('gloss.origin', true), ''))::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER spans_notify AFTER INSERT OR UPDATE OR DELETE ON spans
    FOR EACH ROW EXECUTE FUNCTION gloss_notify('span');
CREATE TRIGGER document_status_notify AFTER INSERT OR UPDATE OR DELETE ON document_status
    FOR EACH ROW EXECUTE FUNCTION gloss_notify('status');
-- Documents and labels: one notice per statement (an import of many
-- documents is one), with no document.
CREATE TRIGGER documents_notify AFTER INSERT OR DELETE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_notify('document');
CREATE TRIGGER labels_notify AFTER INSERT OR UPDATE OR DELETE ON labels
    FOR EACH STATEMENT EXECUTE FUNCTION gloss_notify('label');

-- The sample (documents drawn for coding, in draw order) and who codes
-- which document, as in the project file; the documents list filters on them.
CREATE TABLE sample (
    document_id text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    ord         integer NOT NULL,
    stratum     text NOT NULL DEFAULT '',
    overlap     boolean NOT NULL DEFAULT false
);
CREATE INDEX sample_by_ord ON sample (ord);
CREATE TABLE assignments (
    document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    annotator   text COLLATE "C" NOT NULL,
    PRIMARY KEY (annotator, document_id)
);
CREATE INDEX assignments_by_document ON assignments (document_id);
