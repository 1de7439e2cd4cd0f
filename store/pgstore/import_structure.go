package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/structimport"
)

// importDetail is the edit log's account of an import.
func importDetail(res annotate.ImportResult) string { return structimport.Detail(res) }

// importStructure stores the batch's structure in tx as structimport.Import
// describes, the same code the SQLite store runs.
func importStructure(ctx context.Context, tx pgx.Tx, b *annotate.Batch, spanIDs, moved map[string]string, annotator string, res *annotate.ImportResult) error {
	return structimport.Import(structTx{ctx, tx}, b, spanIDs, moved, annotator, res)
}

// structTx is the import's transaction as structimport uses it: queries
// get PostgreSQL's placeholders (structimport.Dollar) and the context.
// pgx.ErrNoRows matches sql.ErrNoRows, as structimport.DB asks.
type structTx struct {
	ctx context.Context
	tx  pgx.Tx
}

func (s structTx) Exec(query string, args ...any) error {
	_, err := s.tx.Exec(s.ctx, structimport.Dollar(query), args...)
	return err
}

func (s structTx) QueryRow(query string, args ...any) structimport.Row {
	return s.tx.QueryRow(s.ctx, structimport.Dollar(query), args...)
}

func (s structTx) Query(query string, args ...any) (structimport.Rows, error) {
	rows, err := s.tx.Query(s.ctx, structimport.Dollar(query), args...)
	if err != nil {
		return nil, err
	}
	return pgRows{rows}, nil
}

// pgRows gives pgx.Rows the Close of *sql.Rows.
type pgRows struct{ pgx.Rows }

func (r pgRows) Close() error {
	r.Rows.Close()
	return nil
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

func (s structTx) TextEvents(docID string) ([]*annotate.TextEvent, error) {
	return textEvents(s.ctx, s.tx, docID)
}

func (s structTx) WriteCategories(docID, setID string, values []string) error {
	return writeCategories(s.ctx, s.tx, docID, setID, values)
}
