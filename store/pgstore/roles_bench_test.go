package pgstore

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// BenchmarkSpansRLS reads a document of 2,000 spans (in 4 layers) as the
// set-up user (no row-level security) and as a blind annotator and a
// curator (with it): the cost of the roles' policies on the hottest read.
func BenchmarkSpansRLS(b *testing.B) {
	tm := newTeam(b)
	doc := annotate.NewDocument("Long", strings.Repeat("word ", 40), "")
	if err := tm.admin.AddDocuments([]*annotate.Document{doc}); err != nil {
		b.Fatal(err)
	}
	var spans []*annotate.Span
	for i := 0; i < 2000; i++ {
		sp := annotate.NewSpan(doc.ID, 0, 1, tm.label.ID)
		sp.Annotator = []string{"alice", "bob", "carol", Gold}[i%4]
		sp.Start, sp.End = i%45, i%45+1+i/45
		spans = append(spans, sp)
	}
	if _, err := tm.admin.AddSpans(spans); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		s    *Store
		want int
	}{{"setup-user", tm.admin, 2000}, {"annotator-blind", tm.alice, 1000}, {"curator", tm.carol, 2000}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				got, err := c.s.Spans(doc.ID)
				if err != nil || len(got) != c.want {
					b.Fatalf("%d spans (%v), want %d", len(got), err, c.want)
				}
			}
		})
	}
}

// BenchmarkEditRLS adds a span and undoes it, as the set-up user and as an
// annotator (row-level security and the guard triggers): the cost of the
// roles on an edit.
func BenchmarkEditRLS(b *testing.B) {
	tm := newTeam(b)
	admin := tm.openRole(b, "postgres", "setup") // a layer of its own: Undo's cost grows with the layer's log
	for _, c := range []struct {
		name string
		s    *Store
	}{{"setup-user", admin}, {"annotator", tm.alice}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := c.s.AddSpan(annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)); err != nil {
					b.Fatal(err)
				}
				if _, err := c.s.Undo(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
