package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/structimport"
	"gloss/store/structread"
)

// importDetail is the edit log's account of an import.
func importDetail(res annotate.ImportResult) string { return structimport.Detail(res) }

// importStructure stores the batch's structure in tx as structimport.Import
// describes, the same code the SQLite store runs.
func importStructure(ctx context.Context, tx pgx.Tx, b *annotate.Batch, spanIDs, moved map[string]string, annotator string, res *annotate.ImportResult) error {
	return structimport.Import(structTx{structQ{ctx, tx}, tx}, b, spanIDs, moved, annotator, res)
}

// structTx is the import's transaction as structimport uses it: queries
// get PostgreSQL's placeholders (structread.Dollar) and the context.
// pgx.ErrNoRows matches sql.ErrNoRows, as structimport.DB asks.
type structTx struct {
	structQ
	tx pgx.Tx
}

func (s structTx) Exec(query string, args ...any) error {
	_, err := s.tx.Exec(s.ctx, structread.Dollar(query), args...)
	return err
}

func (s structTx) QueryRow(query string, args ...any) structimport.Row {
	return s.tx.QueryRow(s.ctx, structread.Dollar(query), args...)
}

func (s structTx) RelationTypes() ([]*annotate.RelationType, error) {
	return relationTypes(s.ctx, s.tx)
}

func (s structTx) InsertRelationType(t *annotate.RelationType) error {
	return insertRelationType(s.ctx, s.tx, t)
}

func (s structTx) AttributeDefs() ([]*annotate.AttributeDef, error) {
	return attributeDefs(s.ctx, s.tx)
}

func (s structTx) InsertAttributeDef(d *annotate.AttributeDef) error {
	return insertAttributeDef(s.ctx, s.tx, d)
}

func (s structTx) CategorySets() ([]*annotate.CategorySet, error) {
	return categorySets(s.ctx, s.tx)
}

func (s structTx) InsertCategorySet(c *annotate.CategorySet) error {
	return insertCategorySet(s.ctx, s.tx, c)
}

func (s structTx) InsertRelation(r *annotate.Relation) error { return insertRelation(s.ctx, s.tx, r) }

func (s structTx) WriteCategories(docID, setID string, values []string) error {
	return writeCategories(s.ctx, s.tx, docID, setID, values)
}
