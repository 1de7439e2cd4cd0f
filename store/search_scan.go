package store

import (
	"context"
	"database/sql"
	"fmt"

	"gloss/annotate"
	"gloss/annotate/find"
)

// textSearch is one full-text search over one snapshot of the project.
type textSearch struct {
	tx      *sql.Tx
	m       *find.Literal
	match   string // the index query; "" when the index cannot narrow
	builtTo int64  // documents up to this import position are indexed
}

// beginTextSearch checks the query and opens the snapshot it reads; the
// caller rolls ts.tx back.
func (s *Store) beginTextSearch(query string, opts find.Options) (*textSearch, error) {
	m, err := find.NewLiteral(query, opts)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "search: %v", err)
	}
	match, err := textMatch(query, opts)
	if err != nil {
		return nil, err
	}
	tx, err := s.rdb.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	ts := &textSearch{tx: tx, m: m, match: match}
	if err := tx.QueryRow(`SELECT built_to FROM corpus_index_state WHERE id = 1`).Scan(&ts.builtTo); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("search: %w", err)
	}
	return ts, nil
}

// each calls fn with every document after import position after that
// holds the query, in import order, with its hits, until fn returns false
// or budget candidates (documents the index names, or documents read in
// full; 0: no bound) were read. It returns the import position of the
// last candidate read and whether none is left after it.
//
// Only a candidate with hits is checked as every read is (its SHA-256,
// length and metadata; see scanDocument): a candidate without hits is
// matched and dropped, never shown.
func (ts *textSearch) each(after int64, budget int, fn func(*annotate.Document, []find.Hit) bool) (last int64, done bool, err error) {
	last = after
	read := 0
	run := func(q string, args ...any) (bool, error) {
		rows, err := ts.tx.Query(q, args...)
		if err != nil {
			return false, fmt.Errorf("search: %w", err)
		}
		defer rows.Close()
		var seq int64
		var r docRow
		dest := append([]any{&seq}, r.dest()...)
		for rows.Next() {
			if budget > 0 && read >= budget {
				return false, nil
			}
			if err := rows.Scan(dest...); err != nil {
				return false, err
			}
			read++
			last = seq
			hits := ts.m.FindAll(r.d.Text)
			if len(hits) == 0 {
				continue
			}
			d, err := r.document()
			if err != nil {
				return false, err
			}
			if !fn(d, hits) {
				return false, nil
			}
		}
		return true, rows.Err()
	}
	const sel = `SELECT d.seq, d.id, d.title, d.text, d.sha256, d.source, d.status, d.metadata, d.created_at, d.updated_at, d.length FROM `
	more := true
	switch {
	case ts.builtTo == 0 || after >= ts.builtTo:
	case ts.match == "":
		more, err = run(sel+`documents d WHERE d.seq > ? AND d.seq <= ? ORDER BY d.seq`, after, ts.builtTo)
	case budget == 0 && ts.manyCandidates():
		// Most documents are candidates: read the table in order, reading
		// (and matching) only the rows the index names, instead of a
		// B-tree seek per candidate.
		more, err = run(sel+`documents d WHERE d.seq > ? AND d.seq <= ?
			AND +d.seq IN (SELECT rowid FROM text_index WHERE text_index MATCH ?) ORDER BY d.seq`, after, ts.builtTo, ts.match)
	default:
		// The index drives the join (CROSS JOIN keeps it the outer loop):
		// left to itself SQLite may walk the documents and ask the index
		// about each.
		more, err = run(sel+`text_index CROSS JOIN documents d ON d.seq = text_index.rowid
			WHERE text_index MATCH ? AND text_index.rowid > ? ORDER BY text_index.rowid`, ts.match, after)
	}
	if err != nil || !more {
		return last, false, err
	}
	more, err = run(sel+`documents d WHERE d.seq > ? ORDER BY d.seq`, max(after, ts.builtTo))
	return last, more && err == nil, err
}

// sequentialShare is the share of the documents (1/sequentialShare) from
// which a search for every hit reads the table in order rather than
// seeking each candidate: a seek per candidate costs about 1.5 times
// reading it in a pass over the table, and skipping a row that is not a
// candidate about a sixth of reading one (measured at 200,000 documents
// of 1 kB, docs/performance.md).
const sequentialShare = 4

// sequentialMinDocs is the smallest project in which a search may read
// the table in order (below it, the choice costs more than it saves).
var sequentialMinDocs = 1000

// manyCandidates reports whether the index names at least a quarter of
// the project's documents, in a project of sequentialMinDocs or more (counting stops there: O(documents/4) in the
// index's lists at most, a few percent of reading those documents). An
// error counts as few: the join reads the index itself and reports it.
func (ts *textSearch) manyCandidates() bool {
	var total, n int
	if ts.tx.QueryRow(`SELECT n FROM document_total WHERE id = 1`).Scan(&total) != nil || total < max(1, sequentialMinDocs) {
		return false
	}
	limit := max(1, total/sequentialShare)
	err := ts.tx.QueryRow(fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM text_index WHERE text_index MATCH ? LIMIT %d)`, limit), ts.match).Scan(&n)
	return err == nil && n >= limit
}
