package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// importFixture is a batch and the documents it holds.
type importFixture struct {
	d1, d2 *annotate.Document
	batch  func() *annotate.Batch // a fresh copy each call
}

// newImportFixture makes a batch of two documents, two labels (one of them
// the project's "actor" written in another case) and five spans, one of
// them in bob's layer, one naming a label no label entry gives.
func newImportFixture() importFixture {
	f := importFixture{
		d1: annotate.NewDocument("one", "Moscow and Beijing met 🤝 in Geneva.", "one.txt"),
		d2: annotate.NewDocument("two", "שלום עולם and more", "two.txt"),
	}
	f.batch = func() *annotate.Batch {
		span := func(id, doc string, start, end int, label, annotator string) *annotate.BatchSpan {
			return &annotate.BatchSpan{Span: annotate.Span{ID: id, DocumentID: doc, Start: start, End: end, Annotator: annotator, Note: "n-" + id}, LabelName: label}
		}
		d1, d2 := *f.d1, *f.d2
		return &annotate.Batch{
			Labels:    []*annotate.Label{{Name: "Actor"}, {Name: "place", Color: "#123456", Hotkey: "p"}},
			Documents: []*annotate.Document{&d1, &d2},
			Spans: []*annotate.BatchSpan{
				span("s1", f.d1.ID, 0, 6, "actor", ""), // no annotator: the importer's
				span("s2", f.d1.ID, 0, 6, "actor", "bob"),
				span("s3", f.d1.ID, 28, 34, "place", "bob"), // "Geneva"
				span("s4", f.d2.ID, 0, 4, "event", "carol"), // a label only a span names
				span("s5", f.d2.ID, 5, 9, "place", ""),
			},
		}
	}
	return f
}

// testImport checks Import and the counts of ImportResult.
func testImport(t *testing.T, tg Target) {
	t.Run("counts and importing twice", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		addLabel(t, p, "actor")
		f := newImportFixture()
		res, err := p.Import(f.batch())
		if err != nil {
			t.Fatal(err)
		}
		if got := counts(res); got != "documents=2 labels=2 spans=5 merged=0 skipped=0" {
			t.Errorf("first import: %s", got)
		}
		if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], `"Actor"`) {
			t.Errorf("notes = %q, want one naming the label \"Actor\" matched to \"actor\"", res.Notes)
		}
		if got := labelNames(t, p); got != "actor,place,event" {
			t.Errorf("labels after import: %s, want actor,place,event", got)
		}
		want := importedSpans(t, p, f)
		res, err = p.Import(f.batch())
		if err != nil {
			t.Fatal(err)
		}
		if got := counts(res); got != "documents=0 labels=0 spans=0 merged=2 skipped=5" {
			t.Errorf("the same batch again: %s", got)
		}
		if got := importedSpans(t, p, f); got != want {
			t.Errorf("importing again changed the spans:\n%s\nwant\n%s", got, want)
		}
		for _, d := range []*annotate.Document{f.d1, f.d2} {
			got, err := p.Document(d.ID)
			if err != nil || got.Text != d.Text || got.Title != d.Title || got.Source != d.Source {
				t.Errorf("imported document %q: %+v, %v", d.Title, got, err)
			}
		}
	})

	t.Run("same title and text merges into the document present", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		present := addDoc(t, p, "one", "alpha beta")
		again := annotate.NewDocument("one", "alpha beta", "") // another ID, as a text file read again
		res, err := p.Import(&annotate.Batch{
			Documents: []*annotate.Document{again},
			Spans:     []*annotate.BatchSpan{{Span: annotate.Span{DocumentID: again.ID, Start: 6, End: 10}, LabelName: "x"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := counts(res); got != "documents=0 labels=1 spans=1 merged=1 skipped=0" {
			t.Errorf("import: %s", got)
		}
		spans := spansOf(t, p, present.ID)
		if len(spans) != 1 || spans[0].Start != 6 || spans[0].End != 10 || spans[0].Annotator != "alice" {
			t.Errorf("the merged span: %s", spanKeys(spans))
		}
		if infos, _ := p.Documents(); len(infos) != 1 {
			t.Errorf("%d documents, want 1", len(infos))
		}
	})

	t.Run("refused imports change nothing", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		present := addDoc(t, p, "present", "alpha beta")
		clash := annotate.NewDocument("clash", "another text", "")
		clash.ID = present.ID
		fresh := annotate.NewDocument("fresh", "gamma", "")
		cases := []struct {
			name  string
			batch *annotate.Batch
			code  string
		}{
			{"an id present with another text", &annotate.Batch{
				Labels: []*annotate.Label{{Name: "new"}}, Documents: []*annotate.Document{fresh, clash}}, annotate.ECONFLICT},
			{"a span past the end", &annotate.Batch{Documents: []*annotate.Document{fresh}, Spans: []*annotate.BatchSpan{
				{Span: annotate.Span{DocumentID: fresh.ID, Start: 0, End: 6}, LabelName: "new"}}}, annotate.EINVALID},
			{"a span of a missing document", &annotate.Batch{Documents: []*annotate.Document{fresh}, Spans: []*annotate.BatchSpan{
				{Span: annotate.Span{DocumentID: "no-such-id", Start: 0, End: 1}, LabelName: "new"}}}, annotate.ENOTFOUND},
		}
		for _, c := range cases {
			_, err := p.Import(c.batch)
			wantCode(t, c.name, err, c.code)
		}
		if got := labelNames(t, p); got != "" {
			t.Errorf("labels after refused imports: %q, want none", got)
		}
		if infos, _ := p.Documents(); len(infos) != 1 || infos[0].ID != present.ID {
			t.Errorf("documents after refused imports: %+v", infos)
		}
	})
}

// counts is an ImportResult's counts as text.
func counts(r annotate.ImportResult) string {
	return fmt.Sprintf("documents=%d labels=%d spans=%d merged=%d skipped=%d", r.Documents, r.Labels, r.Spans, r.Merged, r.Skipped)
}

// importedSpans checks the fixture's spans in the project (IDs, offsets,
// annotators, labels by name) and returns them as text.
func importedSpans(t *testing.T, p annotate.Project, f importFixture) string {
	t.Helper()
	labels, err := p.Labels()
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, l := range labels {
		name[l.ID] = l.Name
	}
	var b strings.Builder
	for _, d := range []*annotate.Document{f.d1, f.d2} {
		for _, sp := range spansOf(t, p, d.ID) {
			fmt.Fprintf(&b, "%s %s [%d,%d) %s by %s %s\n", sp.ID, d.Title, sp.Start, sp.End, name[sp.LabelID], sp.Annotator, sp.Note)
		}
	}
	want := "s1 one [0,6) actor by alice n-s1\ns2 one [0,6) actor by bob n-s2\ns3 one [28,34) place by bob n-s3\n" +
		"s4 two [0,4) event by carol n-s4\ns5 two [5,9) place by alice n-s5\n"
	if b.String() != want {
		t.Errorf("imported spans:\n%s\nwant\n%s", b.String(), want)
	}
	return b.String()
}
