package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/store/structimport"
)

// importDetail is the edit log's account of an import.
func importDetail(res annotate.ImportResult) string { return structimport.Detail(res) }

// importStructure stores the batch's structure in tx as structimport.Import
// describes, the same code the PostgreSQL store runs.
func importStructure(tx *sql.Tx, b *annotate.Batch, spanIDs, moved map[string]string, annotator string, res *annotate.ImportResult) error {
	return structimport.Import(structTx{structQ{tx}, tx}, b, spanIDs, moved, annotator, res)
}

// structTx is the import's SQLite transaction as structimport uses it.
type structTx struct {
	structQ
	tx *sql.Tx
}

func (s structTx) Exec(query string, args ...any) error {
	_, err := s.tx.Exec(query, args...)
	return err
}

func (s structTx) QueryRow(query string, args ...any) structimport.Row {
	return s.tx.QueryRow(query, args...)
}

func (s structTx) RelationTypes() ([]*annotate.RelationType, error) { return relationTypes(s.tx) }

func (s structTx) InsertRelationType(t *annotate.RelationType) error {
	return insertRelationType(s.tx, t)
}

func (s structTx) AttributeDefs() ([]*annotate.AttributeDef, error) { return attributeDefs(s.tx) }

func (s structTx) InsertAttributeDef(d *annotate.AttributeDef) error {
	return insertAttributeDef(s.tx, d)
}

func (s structTx) CategorySets() ([]*annotate.CategorySet, error) { return categorySets(s.tx) }

func (s structTx) InsertCategorySet(c *annotate.CategorySet) error {
	return insertCategorySet(s.tx, c)
}

func (s structTx) InsertRelation(r *annotate.Relation) error { return insertRelation(s.tx, r) }

func (s structTx) WriteCategories(docID, setID string, values []string) error {
	return writeCategories(s.tx, docID, setID, values)
}
