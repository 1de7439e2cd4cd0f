package app

import (
	"context"
	"testing"

	"gloss/annotate"
)

// fakeSource yields n empty documents.
type fakeSource struct{ n int }

func (f fakeSource) Labels() ([]*annotate.Label, error) { return nil, nil }

func (f fakeSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	for i := 0; i < f.n; i++ {
		if err := fn(annotate.NewDocument("d", "x", ""), nil); err != nil {
			return err
		}
	}
	return nil
}

func TestProgressSourceCountsDocuments(t *testing.T) {
	var seen []int
	src := progressSource{Source: fakeSource{n: 10}, ctx: context.Background(), every: 3, done: func(n int) { seen = append(seen, n) }}
	read := 0
	if err := src.EachDocument(func(*annotate.Document, []*annotate.Span) error { read++; return nil }); err != nil {
		t.Fatal(err)
	}
	if read != 10 || len(seen) != 3 || seen[0] != 3 || seen[2] != 9 {
		t.Errorf("read %d, progress reported at %v; want 10 read and 3, 6, 9", read, seen)
	}
}
