package store

import "database/sql"

// logEvent records one edit in the project's edit log.
func logEvent(tx *sql.Tx, annotator, action, docID, spanID, before, after string) error {
	_, err := tx.Exec(`INSERT INTO events(at, annotator, action, document_id, span_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, now(), annotator, action, docID, spanID, before, after)
	return err
}
