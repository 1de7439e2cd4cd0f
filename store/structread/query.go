// Package structread reads a document's structure records (events, notes,
// equivalence sets, normalisations and categories) for both stores: the
// SQLite store (package store) and the PostgreSQL store (package pgstore)
// each pass a Querier over their connection or transaction.
//
// Queries are written once with SQLite's placeholders (? and ?N); a
// Querier for PostgreSQL rewrites them with Dollar.
package structread

import (
	"strconv"
	"strings"
)

// Rows is a result set, as *sql.Rows is.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
	Err() error
}

// Querier runs a query with ? or ?N placeholders.
type Querier interface {
	Query(query string, args ...any) (Rows, error)
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
