-- The content token: a random value that every change of the project's
-- content replaces, in the transaction that makes it. Open compares the
-- project's token with its newest backup's (VACUUM INTO copies it) to tell
-- that the content is the backup's by reading one row of each file,
-- instead of fingerprinting every document and span (O(n) in the corpus).
-- Content is what a researcher would miss if it were lost: every table
-- but the edit log, the migrations and what is derived (counts, the
-- full-text index and its state). A random value rather than a counter,
-- so that two copies changed apart never share a token.
CREATE TABLE content_version (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token BLOB NOT NULL
);
INSERT INTO content_version(id, token) VALUES (1, randomblob(16));
CREATE TRIGGER content_version_documents_insert AFTER INSERT ON documents
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_documents_update AFTER UPDATE ON documents
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_documents_delete AFTER DELETE ON documents
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_labels_insert AFTER INSERT ON labels
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_labels_update AFTER UPDATE ON labels
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_labels_delete AFTER DELETE ON labels
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_spans_insert AFTER INSERT ON spans
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_spans_update AFTER UPDATE ON spans
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_spans_delete AFTER DELETE ON spans
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_status_insert AFTER INSERT ON document_status
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_status_update AFTER UPDATE ON document_status
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_status_delete AFTER DELETE ON document_status
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relation_types_insert AFTER INSERT ON relation_types
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relation_types_update AFTER UPDATE ON relation_types
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relation_types_delete AFTER DELETE ON relation_types
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relations_insert AFTER INSERT ON relations
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relations_update AFTER UPDATE ON relations
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_relations_delete AFTER DELETE ON relations
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_text_events_insert AFTER INSERT ON text_events
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_text_events_update AFTER UPDATE ON text_events
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_text_events_delete AFTER DELETE ON text_events
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_event_args_insert AFTER INSERT ON event_args
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_event_args_update AFTER UPDATE ON event_args
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_event_args_delete AFTER DELETE ON event_args
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_attribute_defs_insert AFTER INSERT ON attribute_defs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_attribute_defs_update AFTER UPDATE ON attribute_defs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_attribute_defs_delete AFTER DELETE ON attribute_defs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_notes_insert AFTER INSERT ON notes
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_notes_update AFTER UPDATE ON notes
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_notes_delete AFTER DELETE ON notes
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_equivs_insert AFTER INSERT ON equivs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_equivs_update AFTER UPDATE ON equivs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_equivs_delete AFTER DELETE ON equivs
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_norms_insert AFTER INSERT ON norms
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_norms_update AFTER UPDATE ON norms
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_norms_delete AFTER DELETE ON norms
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_category_sets_insert AFTER INSERT ON category_sets
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_category_sets_update AFTER UPDATE ON category_sets
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_category_sets_delete AFTER DELETE ON category_sets
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_categories_insert AFTER INSERT ON document_categories
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_categories_update AFTER UPDATE ON document_categories
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_document_categories_delete AFTER DELETE ON document_categories
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_insert AFTER INSERT ON sample
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_update AFTER UPDATE ON sample
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_delete AFTER DELETE ON sample
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_draw_insert AFTER INSERT ON sample_draw
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_draw_update AFTER UPDATE ON sample_draw
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_sample_draw_delete AFTER DELETE ON sample_draw
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_assignments_insert AFTER INSERT ON assignments
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_assignments_update AFTER UPDATE ON assignments
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
CREATE TRIGGER content_version_assignments_delete AFTER DELETE ON assignments
BEGIN
    UPDATE content_version SET token = randomblob(16) WHERE id = 1;
END;
