-- Teams: spans are unique per annotator, and every annotator has their own
-- status for each document.
--
-- The spans table is rebuilt (SQLite cannot change a UNIQUE constraint in
-- place), following SQLite's documented procedure for other kinds of table
-- schema changes: create the new table, copy every row with its seq and id,
-- drop the old table, rename the new one, recreate its indexes. No table
-- refers to spans and no trigger or view reads it, so foreign keys can stay
-- on: the copy is checked against documents and labels as it is inserted.
-- The migration runs in one transaction: all of it, or nothing.
CREATE TABLE spans_new (
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
    UNIQUE (document_id, start, "end", label_id, annotator)
);
INSERT INTO spans_new(seq, id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at)
    SELECT seq, id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at FROM spans;
DROP TABLE spans;
ALTER TABLE spans_new RENAME TO spans;
CREATE INDEX spans_by_label ON spans(label_id);
-- One annotator's layer of a document, and every span of one annotator.
CREATE INDEX spans_by_annotator ON spans(annotator, document_id);

-- Each annotator's status of each document. No row means todo.
-- documents.status stays: it holds the status most recently set by anyone
-- (all of them when one person works on the project).
CREATE TABLE document_status (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('todo', 'in-progress', 'done')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE INDEX document_status_by_annotator ON document_status(annotator, status);

-- A status set before this schema belongs to whoever set it: the annotator
-- of the document's last set-status edit in the log;
INSERT INTO document_status(document_id, annotator, status, updated_at)
    SELECT d.id, e.annotator, d.status, d.updated_at
    FROM documents d JOIN events e ON e.document_id = d.id AND e.action = 'set-status'
    WHERE d.status != 'todo'
      AND e.seq = (SELECT max(seq) FROM events WHERE action = 'set-status' AND document_id = d.id);
-- with no such edit (the status came with an import), every annotator with
-- spans in the document;
INSERT INTO document_status(document_id, annotator, status, updated_at)
    SELECT DISTINCT d.id, s.annotator, d.status, d.updated_at
    FROM documents d JOIN spans s ON s.document_id = d.id
    WHERE d.status != 'todo'
      AND NOT EXISTS (SELECT 1 FROM events WHERE action = 'set-status' AND document_id = d.id);
-- and with neither, the unknown annotator '', so that nothing is lost.
INSERT INTO document_status(document_id, annotator, status, updated_at)
    SELECT d.id, '', d.status, d.updated_at
    FROM documents d
    WHERE d.status != 'todo'
      AND NOT EXISTS (SELECT 1 FROM document_status WHERE document_id = d.id);
