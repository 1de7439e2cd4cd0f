package store

import (
	"fmt"

	"gloss/annotate"
	"gloss/annotate/find"
)

// TextCursor is where a paged full-text search continues. The zero
// TextCursor starts at the beginning.
type TextCursor struct {
	// Seq is the import position of the last document the search read.
	Seq int64
	// Done is true when no document is left to read.
	Done bool
}

// TextResult is one document a full-text search found, with its hits in
// text order (code point offsets).
type TextResult struct {
	Doc  *annotate.Document
	Hits []find.Hit
}

// TextPage is one page of a full-text search.
type TextPage struct {
	// Results are the page's documents in import order, each with all its hits.
	Results []TextResult
	// Next continues the search after this page; Next.Done when it is the last.
	Next TextCursor
}

// textPageRead bounds the candidates (documents the index names, or read
// in full) one page reads, so that a page costs about the same whatever
// the query: a page can hold fewer than the documents asked for while
// Next is not Done, when most candidates do not hold the query.
var textPageRead = 2000

// SearchTextPage returns the next page of a full-text search for query
// (literal text matched as opts say, as SearchText matches it) after the
// cursor: up to docs documents holding it, in import order, each with
// every hit. Its cost grows with the page (it reads at most 2,000
// candidates), not with the documents holding the query; pass the page's
// Next to continue.
// Each page reads its own snapshot, so documents added meanwhile after
// the cursor are found and earlier pages are not repeated.
func (s *Store) SearchTextPage(query string, opts find.Options, after TextCursor, docs int) (TextPage, error) {
	if docs <= 0 {
		return TextPage{}, annotate.Errorf(annotate.EINVALID, "search: a page must hold at least one document, not %d", docs)
	}
	if after.Done {
		return TextPage{Next: after}, nil
	}
	ts, err := s.beginTextSearch(query, opts)
	if err != nil {
		return TextPage{}, err
	}
	defer ts.tx.Rollback()
	var page TextPage
	last, done, err := ts.each(after.Seq, textPageRead, func(d *annotate.Document, hits []find.Hit) bool {
		page.Results = append(page.Results, TextResult{d, hits})
		return len(page.Results) < docs
	})
	if err != nil {
		return TextPage{}, err
	}
	page.Next = TextCursor{Seq: last, Done: done}
	return page, nil
}

// CountTextCandidates returns at most how many documents hold query (as
// SearchTextPage matches it), from the index alone: the documents the
// index names plus those it does not hold yet, or every document when
// the index cannot narrow the query (fewer than three characters, accents
// ignored). It is an upper bound (the index knows which pieces of the
// query a document holds, not where), for an "at most N documents" line
// beside the first page. With upTo > 0 it stops counting at upTo (a
// result of upTo means "upTo or more"), so that its cost is bounded
// whatever the query; with upTo 0 it counts every candidate, which costs
// what merging the index's lists for the query's pieces costs (not
// reading the documents).
func (s *Store) CountTextCandidates(query string, opts find.Options, upTo int) (int, error) {
	if upTo < 0 {
		return 0, annotate.Errorf(annotate.EINVALID, "search: cannot count up to %d", upTo)
	}
	ts, err := s.beginTextSearch(query, opts)
	if err != nil {
		return 0, err
	}
	defer ts.tx.Rollback()
	limit := ""
	if upTo > 0 {
		limit = fmt.Sprintf(" LIMIT %d", upTo)
	}
	var indexed, rest int
	if ts.match == "" {
		err = ts.tx.QueryRow(`SELECT n FROM document_total WHERE id = 1`).Scan(&indexed)
	} else {
		err = ts.tx.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM text_index WHERE text_index MATCH ?`+limit+`)`, ts.match).Scan(&indexed)
		if err == nil && ts.builtTo != maxBuiltTo && (upTo == 0 || indexed < upTo) {
			err = ts.tx.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM documents WHERE seq > ?`+limit+`)`, ts.builtTo).Scan(&rest)
		}
	}
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	if n := indexed + rest; upTo == 0 || n < upTo {
		return n, nil
	}
	return upTo, nil
}
