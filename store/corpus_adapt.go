package store

import (
	"context"
	"strings"

	"gloss/annotate"
	"gloss/annotate/find"
)

// The annotate interfaces a window uses at corpus scale (see
// annotate/corpus.go), over the store's own search, index and check API.
var (
	_ annotate.TitleSearcher = (*Store)(nil)
	_ annotate.TextSearcher  = (*Store)(nil)
	_ annotate.Checker       = (*Store)(nil)
	_ annotate.Indexer       = (*Store)(nil)
)

// TitleCandidates returns the documents SearchTitles finds for query, in
// its order, as DocumentInfo (status for the store's annotator, span
// count), reading only those rows (see annotate.TitleSearcher).
func (s *Store) TitleCandidates(query string, limit int) ([]annotate.DocumentInfo, error) {
	hits, err := s.SearchTitles(query, limit)
	if err != nil || len(hits) == 0 {
		return nil, err
	}
	args := make([]any, len(hits))
	marks := make([]string, len(hits))
	for i, h := range hits {
		args[i], marks[i] = h.ID, "?"
	}
	infos, _, err := s.queryPage(pageSelect+" WHERE d.id IN ("+strings.Join(marks, ", ")+")", append([]any{s.annotator}, args...))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]annotate.DocumentInfo, len(infos))
	for _, d := range infos {
		byID[d.ID] = d
	}
	out := make([]annotate.DocumentInfo, 0, len(hits))
	for _, h := range hits {
		if d, ok := byID[h.ID]; ok { // deleted since: left out
			out = append(out, d)
		}
	}
	return out, nil
}

// SearchTexts runs SearchText for q with hits as annotate.TextHit, and
// stops when ctx is cancelled (see annotate.TextSearcher).
func (s *Store) SearchTexts(ctx context.Context, q annotate.TextQuery, limit int, fn func(doc *annotate.Document, hits []annotate.TextHit) bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	opts := find.Options{CaseSensitive: q.CaseSensitive, WholeWord: q.WholeWord}
	err := s.SearchText(q.Text, opts, limit, func(doc *annotate.Document, hits []find.Hit) bool {
		if ctx.Err() != nil {
			return false
		}
		out := make([]annotate.TextHit, len(hits))
		for i, h := range hits {
			out[i] = annotate.TextHit{Start: h.Start, End: h.End}
		}
		return fn(doc, out)
	})
	if err != nil {
		return err
	}
	return ctx.Err()
}

// CheckProject runs Check and renders each problem on one line naming
// its row (see annotate.Checker).
func (s *Store) CheckProject(ctx context.Context) ([]string, error) {
	problems, err := s.Check(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.String()
	}
	return out, nil
}
