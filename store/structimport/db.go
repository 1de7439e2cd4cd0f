// Package structimport stores the structure of an imported batch (schema,
// relations, events, notes, equivalence sets, normalisations and document
// categories) in the import's transaction. It is the one implementation
// both stores use: the SQLite store (package store) and the PostgreSQL
// store (package pgstore) each pass an adapter over their transaction.
//
// Queries are written once with SQLite's placeholders (? and ?N); an
// adapter for PostgreSQL rewrites them with structread.Dollar.
package structimport

import (
	"gloss/annotate"
	"gloss/store/structread"
)

// Row is one result row, as *sql.Row and pgx.Row are.
type Row interface {
	Scan(dest ...any) error
}

// DB runs the import's queries in its transaction. A query uses ? or ?N
// placeholders; a Row with no result returns an error that errors.Is
// matches against sql.ErrNoRows (as pgx.ErrNoRows does).
type DB interface {
	structread.Querier
	Exec(query string, args ...any) error
	QueryRow(query string, args ...any) Row
}

// Store is the import's transaction with the store's own reading and
// writing of the schema and structure records.
type Store interface {
	DB
	RelationTypes() ([]*annotate.RelationType, error)
	InsertRelationType(t *annotate.RelationType) error
	AttributeDefs() ([]*annotate.AttributeDef, error)
	InsertAttributeDef(d *annotate.AttributeDef) error
	CategorySets() ([]*annotate.CategorySet, error)
	InsertCategorySet(c *annotate.CategorySet) error
	InsertRelation(r *annotate.Relation) error
	WriteCategories(docID, setID string, values []string) error
}
