package store

import (
	"context"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// The store as annotate.Merger and annotate.Curator: adapters that return
// the domain's types, for the window (which may not import the store).
var (
	_ annotate.Merger  = (*Store)(nil)
	_ annotate.Curator = (*Store)(nil)
)

// MergeFiles is MergeAll with the results as annotate.MergeSummary.
func (s *Store) MergeFiles(ctx context.Context, paths []string, annotatorMap map[string]string) ([]annotate.MergeSummary, error) {
	res, err := s.MergeAll(ctx, paths, annotatorMap)
	if err != nil {
		return nil, err
	}
	out := make([]annotate.MergeSummary, len(res))
	for i, r := range res {
		m := annotate.MergeSummary{
			File:           r.File,
			DocumentsAdded: r.Documents.Added, DocumentsMatched: r.Documents.Matched,
			LabelsAdded: r.Labels.Added, LabelsMatched: r.Labels.Matched,
			SpansAdded: map[string]int{}, SpansMatched: map[string]int{},
			StatusesSet: r.Statuses.Added, StatusesMatched: r.Statuses.Matched,
			Renamed: r.Renamed,
		}
		for ann, t := range r.Spans {
			m.SpansAdded[ann] = t.Added
			m.SpansMatched[ann] = t.Matched
		}
		out[i] = m
	}
	return out, nil
}

// CurateGold is Curate with the strategy as text.
func (s *Store) CurateGold(strategy string, annotators []string) (annotate.CurateSummary, error) {
	return s.Curate(agree.Strategy(strategy), annotators)
}
