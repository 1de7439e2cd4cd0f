-- Corpus scale: span counts kept in the store, indexes that serve the
-- documents list's sort orders, a full-text index over titles and texts,
-- and a reproducible sample of documents assigned to annotators.

-- Each document's span count (all annotators), kept by triggers in the
-- transaction that adds or removes a span. It lives beside documents, not
-- in it, so that a span edit rewrites a small row and not the text.
CREATE TABLE document_counts (
    seq   INTEGER PRIMARY KEY,
    spans INTEGER NOT NULL DEFAULT 0
);
INSERT INTO document_counts(seq, spans)
    SELECT d.seq, (SELECT count(*) FROM spans s WHERE s.document_id = d.id) FROM documents d;
CREATE INDEX document_counts_by_spans ON document_counts(spans, seq);

CREATE TRIGGER document_counts_add_document AFTER INSERT ON documents
BEGIN
    INSERT INTO document_counts(seq, spans) VALUES (NEW.seq, 0);
END;
CREATE TRIGGER document_counts_delete_document AFTER DELETE ON documents
BEGIN
    DELETE FROM document_counts WHERE seq = OLD.seq;
END;
CREATE TRIGGER document_counts_add_span AFTER INSERT ON spans
BEGIN
    UPDATE document_counts SET spans = spans + 1
    WHERE seq = (SELECT seq FROM documents WHERE id = NEW.document_id);
END;
CREATE TRIGGER document_counts_delete_span AFTER DELETE ON spans
BEGIN
    UPDATE document_counts SET spans = spans - 1
    WHERE seq = (SELECT seq FROM documents WHERE id = OLD.document_id);
END;
CREATE TRIGGER document_counts_move_span AFTER UPDATE OF document_id ON spans
WHEN OLD.document_id != NEW.document_id
BEGIN
    UPDATE document_counts SET spans = spans - 1
    WHERE seq = (SELECT seq FROM documents WHERE id = OLD.document_id);
    UPDATE document_counts SET spans = spans + 1
    WHERE seq = (SELECT seq FROM documents WHERE id = NEW.document_id);
END;

-- How many documents there are, so that counting them costs the same at
-- any corpus size.
CREATE TABLE document_total (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO document_total(id, n) SELECT 1, count(*) FROM documents;
CREATE TRIGGER document_total_add AFTER INSERT ON documents
BEGIN
    UPDATE document_total SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER document_total_delete AFTER DELETE ON documents
BEGIN
    UPDATE document_total SET n = n - 1 WHERE id = 1;
END;

-- The documents list's sort orders, each with seq to break ties (keyset
-- pagination continues after the last (key, seq) seen).
CREATE INDEX documents_by_title ON documents(title, seq);
CREATE INDEX documents_by_date ON documents(updated_at, seq);
-- A document already present (same text and title) found without reading
-- every row: a streamed import looks up each document it reads.
CREATE INDEX documents_by_sha256 ON documents(sha256);

-- Full-text index. corpus_index_state.built_to says which documents the
-- index holds: those with seq <= built_to. A new project, or one without
-- documents, starts complete (built_to is the largest integer); an existing
-- project's documents are indexed lazily, in batches, by store.BuildIndex,
-- so that this migration costs the same at any corpus size. The triggers
-- keep the index in step with the documents it holds, in the same
-- transaction as every insert, delete or change.
CREATE TABLE corpus_index_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    built_to INTEGER NOT NULL
);
INSERT INTO corpus_index_state(id, built_to)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM documents) THEN 0 ELSE 9223372036854775807 END;

-- Titles, with their own copy (small), for the title search: trigrams, so
-- that any substring of three or more characters is found.
CREATE VIRTUAL TABLE title_index USING fts5(title, tokenize = 'trigram', columnsize = 0);
-- Texts, reading the text from documents (no copy), trigrams without
-- positions: a search asks for documents holding every trigram of the
-- query, and the exact matcher then finds the hits in those.
CREATE VIRTUAL TABLE text_index USING fts5(text, content = 'documents', content_rowid = 'seq',
    tokenize = 'trigram', detail = 'none', columnsize = 0);

CREATE TRIGGER corpus_index_add AFTER INSERT ON documents
WHEN NEW.seq <= (SELECT built_to FROM corpus_index_state WHERE id = 1)
BEGIN
    INSERT INTO title_index(rowid, title) VALUES (NEW.seq, NEW.title);
    INSERT INTO text_index(rowid, text) VALUES (NEW.seq, NEW.text);
END;
CREATE TRIGGER corpus_index_delete AFTER DELETE ON documents
WHEN OLD.seq <= (SELECT built_to FROM corpus_index_state WHERE id = 1)
BEGIN
    DELETE FROM title_index WHERE rowid = OLD.seq;
    INSERT INTO text_index(text_index, rowid, text) VALUES ('delete', OLD.seq, OLD.text);
END;
CREATE TRIGGER corpus_index_change AFTER UPDATE OF title, text ON documents
WHEN OLD.seq <= (SELECT built_to FROM corpus_index_state WHERE id = 1)
BEGIN
    DELETE FROM title_index WHERE rowid = OLD.seq;
    INSERT INTO title_index(rowid, title) VALUES (NEW.seq, NEW.title);
    INSERT INTO text_index(text_index, rowid, text) VALUES ('delete', OLD.seq, OLD.text);
    INSERT INTO text_index(rowid, text) VALUES (NEW.seq, NEW.text);
END;

-- The sample: documents drawn reproducibly (seed, stratum), in draw order.
CREATE TABLE sample (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    stratum     TEXT NOT NULL DEFAULT '',
    overlap     INTEGER NOT NULL DEFAULT 0 CHECK (overlap IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX sample_by_ord ON sample(ord);
-- How the sample was drawn (one row, or none before the first draw).
CREATE TABLE sample_draw (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seed      INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    by_field  TEXT NOT NULL DEFAULT '',
    overlap   INTEGER NOT NULL DEFAULT 0,
    drawn_at  TEXT NOT NULL
);
-- Which annotator codes which sampled document.
CREATE TABLE assignments (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    PRIMARY KEY (annotator, document_id)
) WITHOUT ROWID;
CREATE INDEX assignments_by_document ON assignments(document_id);
