package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"gloss/annotate"
	"gloss/annotate/find"
)

// Full-text search. The trigram index (migration 005) narrows a search to
// the documents holding every (or enough) three-character piece of the
// query; the exact matcher of annotate/find then finds the hits in each of
// those texts, so offsets are exact code points and case folding is the
// scan's. Documents the index does not hold yet (a project indexed lazily,
// see BuildIndex) are read in full, so results never depend on how far
// the index is built.

// maxTrigrams bounds the pieces of a query asked of the index: any subset
// narrows correctly, and a few rare ones narrow as well as all.
const maxTrigrams = 8

// maxSpellings bounds the spellings of one piece (see foldClasses).
const maxSpellings = 8

// The index drives the joins (CROSS JOIN keeps it the outer loop): left
// to itself SQLite may walk the documents and ask the index about each.

// SearchText calls fn with every document holding query (literal text
// matched as opts say), in import order, and its hits in text order in
// code points, until fn returns false or limit hits (0: no limit) were
// given. It reads one snapshot of the project. A caller showing hits a
// page at a time should use SearchTextPage, whose cost is bounded by the
// page rather than by the documents holding the query.
func (s *Store) SearchText(query string, opts find.Options, limit int, fn func(doc *annotate.Document, hits []find.Hit) bool) error {
	ts, err := s.beginTextSearch(query, opts)
	if err != nil {
		return err
	}
	defer ts.tx.Rollback()
	n := 0
	_, _, err = ts.each(0, 0, func(d *annotate.Document, hits []find.Hit) bool {
		if limit > 0 && len(hits) > limit-n {
			hits = hits[:limit-n]
		}
		n += len(hits)
		return fn(d, hits) && (limit == 0 || n < limit)
	})
	return err
}

// textMatch returns the index query that narrows a search for query to a
// superset of the documents holding it, or "" when the index cannot
// narrow it (fewer than three characters, accents ignored, or no piece
// with few enough spellings).
func textMatch(query string, opts find.Options) (string, error) {
	if opts.IgnoreAccents {
		return "", nil
	}
	runes := []rune(query)
	if len(runes) < 3 {
		return "", nil
	}
	var terms []string
	seen := map[string]bool{}
	count := len(runes) - 2
	step := max(1, (count+maxTrigrams-1)/maxTrigrams)
	for i := 0; i < count; i += step {
		if i+step >= count {
			i = count - 1 // always the last piece
		}
		term, err := trigramTerm(runes[i:i+3], opts.CaseSensitive)
		if err != nil {
			return "", err
		}
		if term != "" && !seen[term] {
			seen[term] = true
			terms = append(terms, term)
		}
	}
	return strings.Join(terms, " AND "), nil
}

// trigramTerm is the index query for one three-character piece: each of
// its spellings (see foldClasses), or "" when it has too many.
func trigramTerm(tri []rune, caseSensitive bool) (string, error) {
	alts := []string{""}
	for _, r := range tri {
		spell := []rune{r}
		if !caseSensitive {
			var err error
			if spell, err = foldClasses(r); err != nil {
				return "", err
			}
		}
		var next []string
		for _, a := range alts {
			for _, c := range spell {
				next = append(next, a+string(c))
			}
		}
		if alts = next; len(alts) > maxSpellings {
			return "", nil
		}
	}
	for i, a := range alts {
		alts[i] = `"` + strings.ReplaceAll(a, `"`, `""`) + `"`
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return "(" + strings.Join(alts, " OR ") + ")", nil
}

// TitleHit is a document a title search found.
type TitleHit struct {
	ID, Title string
}

// SearchTitles returns up to limit documents whose title may match query,
// for a fuzzy matcher (sahilm/fuzzy) to rank: first those whose title
// holds every three-character piece of the query (by the trigram index;
// for a query of one or two characters, those holding it, ASCII letters
// in any case), then, to fill limit, those holding any piece, so that a
// query with a typo still finds candidates. An empty query gives the
// first limit titles. Each step stops at limit rows, whatever the corpus
// size.
func (s *Store) SearchTitles(query string, limit int) ([]TitleHit, error) {
	if limit <= 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "search titles: limit must be positive, not %d", limit)
	}
	tx, err := s.rdb.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var builtTo int64
	if err := tx.QueryRow(`SELECT built_to FROM corpus_index_state WHERE id = 1`).Scan(&builtTo); err != nil {
		return nil, fmt.Errorf("search titles: %w", err)
	}
	var out []TitleHit
	seen := map[string]bool{}
	add := func(q string, args ...any) error {
		if len(out) >= limit {
			return nil
		}
		rows, err := tx.Query(q+fmt.Sprintf(" LIMIT %d", limit-len(out)+len(seen)), args...)
		if err != nil {
			return fmt.Errorf("search titles: %w", err)
		}
		defer rows.Close()
		for rows.Next() && len(out) < limit {
			var h TitleHit
			if err := rows.Scan(&h.ID, &h.Title); err != nil {
				return err
			}
			if !seen[h.ID] {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
		return rows.Err()
	}
	const sel = `SELECT d.id, d.title FROM title_index CROSS JOIN documents d ON d.seq = title_index.rowid WHERE `
	runes := []rune(query)
	switch {
	case query == "":
		err = add(`SELECT id, title FROM documents ORDER BY seq`)
	case len(runes) < 3:
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(query) + "%"
		err = add(sel+`title_index.title LIKE ? ESCAPE '\'`, like)
	default:
		var all string
		if all, err = textMatch(query, find.Options{}); err == nil && all != "" {
			if err = add(sel+`title_index MATCH ?`, all); err == nil {
				anyOf := strings.ReplaceAll(all, " AND ", " OR ")
				err = add(sel+`title_index MATCH ?`, anyOf)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if builtTo != maxBuiltTo && query != "" {
		// Titles not indexed yet: read them (only until BuildIndex ran).
		m, merr := find.NewLiteral(query, find.Options{})
		if merr != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "search titles: %v", merr)
		}
		rows, err := tx.Query(`SELECT id, title FROM documents WHERE seq > ? ORDER BY seq`, builtTo)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() && len(out) < limit {
			var h TitleHit
			if err := rows.Scan(&h.ID, &h.Title); err != nil {
				return nil, err
			}
			if !seen[h.ID] && utf8.ValidString(h.Title) && len(m.FindAll(h.Title)) > 0 {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
	}
	return out, nil
}
