package store

import (
	"database/sql"
	"encoding/json"
	"strings"

	"gloss/annotate"
)

// ActionSetMetadata is the edit-log action of a document's metadata edit;
// the event's before and after hold the metadata as JSON.
const ActionSetMetadata = "set-metadata"

// SetMetadata replaces a document's metadata (nil clears it) and logs the
// change in the edit log. Keys must be non-empty and free of line breaks.
func (s *Store) SetMetadata(docID string, md map[string]any) error {
	for k := range md {
		if strings.TrimSpace(k) == "" || strings.ContainsAny(k, "\r\n") {
			return annotate.Errorf(annotate.EINVALID, "document %s: metadata key %q is empty or holds a line break", docID, k)
		}
	}
	after := []byte("{}")
	if len(md) > 0 {
		var err error
		if after, err = json.Marshal(md); err != nil {
			return annotate.Errorf(annotate.EINVALID, "document %s: metadata: %v", docID, err)
		}
	}
	return s.write(func(tx *sql.Tx) error {
		var before string
		err := tx.QueryRow(`SELECT metadata FROM documents WHERE id = ?`, docID).Scan(&before)
		if err == sql.ErrNoRows {
			return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", docID)
		}
		if err != nil {
			return err
		}
		if before == string(after) {
			return nil
		}
		if _, err := tx.Exec(`UPDATE documents SET metadata = ?, updated_at = ? WHERE id = ?`, string(after), now(), docID); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, ActionSetMetadata, docID, "", before, string(after))
	})
}
