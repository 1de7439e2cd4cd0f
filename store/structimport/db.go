// Package structimport stores the structure of an imported batch (schema,
// relations, events, notes, equivalence sets, normalisations and document
// categories) in the import's transaction. It is the one implementation
// both stores use: the SQLite store (package store) and the PostgreSQL
// store (package pgstore) each pass an adapter over their transaction.
//
// Queries are written once with SQLite's placeholders (? and ?N); an
// adapter for PostgreSQL rewrites them with Dollar.
package structimport

import (
	"strconv"
	"strings"

	"gloss/annotate"
)

// Row is one result row, as *sql.Row and pgx.Row are.
type Row interface {
	Scan(dest ...any) error
}

// Rows is a result set, as *sql.Rows is.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
	Err() error
}

// DB runs the import's queries in its transaction. A query uses ? or ?N
// placeholders; a Row with no result returns an error that errors.Is
// matches against sql.ErrNoRows (as pgx.ErrNoRows does).
type DB interface {
	Exec(query string, args ...any) error
	QueryRow(query string, args ...any) Row
	Query(query string, args ...any) (Rows, error)
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
	TextEvents(docID string) ([]*annotate.TextEvent, error)
	WriteCategories(docID, setID string, values []string) error
}

// Dollar rewrites a query's SQLite placeholders for PostgreSQL: ?N
// becomes $N and a bare ? the next number after the largest so far (as
// SQLite numbers it). Text in single quotes (string literals) and double
// quotes (identifiers) is left as it is.
func Dollar(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 8)
	var quote byte
	last := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			n := last + 1
			if j > i+1 {
				n, _ = strconv.Atoi(query[i+1 : j])
			}
			last = max(last, n)
			b.WriteString("$" + strconv.Itoa(n))
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
