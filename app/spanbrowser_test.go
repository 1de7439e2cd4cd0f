package app_test

import (
	"testing"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// browseFixture adds five spans over the two find documents: three actors
// (one with a note, one by another annotator), a claim and a prediction.
func browseFixture(t *testing.T) (*app.Probe, *store.Store, []*annotate.Document) {
	t.Helper()
	g, s, docs := newFindGloss(t)
	actor, claim, pred := label(t, s, "actor").ID, label(t, s, "claim").ID, label(t, s, "prediction").ID
	add := []*annotate.Span{
		annotate.NewSpan(docs[0].ID, 0, 6, actor),   // Lavrov
		annotate.NewSpan(docs[0].ID, 11, 18, actor), // Wang Yi
		annotate.NewSpan(docs[0].ID, 33, 46, claim), // Lavróv's aide
		annotate.NewSpan(docs[1].ID, 18, 24, actor), // Lavrov
		annotate.NewSpan(docs[1].ID, 13, 30, pred),  // Then Lavrov again
	}
	add[1].Note = "check spelling"
	add[3].Annotator = "other"
	if n, err := s.AddSpans(add); err != nil || n != 5 {
		t.Fatalf("AddSpans = %d, %v", n, err)
	}
	app.ReloadForTest(g)
	g.MenuAction("View", "Span browser")()
	return g, s, docs
}

func TestSpanBrowserFiltersAndCounts(t *testing.T) {
	g, _, _ := browseFixture(t)
	b := g.SpanBrowser()
	if got := len(b.Rows()); got != 5 {
		t.Fatalf("%d rows, want every span (5): %q", got, b.Rows())
	}
	if c := b.Chart(); c["actor"] != 3 || c["claim"] != 1 || c["prediction"] != 1 {
		t.Errorf("chart %v", c)
	}
	lab, ann, _, text := b.Filters()
	text.SetText("lavrov") // the accent of Lavróv is ignored
	want := []string{"actor|Lavrov|One|tester|", "claim|Lavróv's aide|One|tester|", "prediction|Then Lavrov again|Two|tester|", "actor|Lavrov|Two|other|"}
	if got := b.Rows(); !equal(got, want) {
		t.Fatalf("text filter:\n%q\nwant\n%q", got, want)
	}
	lab.SetSelected("actor")
	if got := b.Rows(); !equal(got, []string{want[0], want[3]}) {
		t.Fatalf("label filter: %q", got)
	}
	if c := b.Chart(); len(c) != 1 || c["actor"] != 2 {
		t.Errorf("the chart does not follow the filter: %v", c)
	}
	ann.SetSelected("other")
	if got := b.Rows(); !equal(got, []string{want[3]}) {
		t.Fatalf("annotator filter: %q", got)
	}
	text.SetText("spelling") // notes are searched too
	ann.SetSelected("All annotators")
	if got := b.Rows(); !equal(got, []string{"actor|Wang Yi|One|tester|check spelling"}) {
		t.Fatalf("note filter: %q", got)
	}
	if b.Count() != "1 of 5 spans, 0 checked" {
		t.Errorf("count %q", b.Count())
	}
}

func TestSpanBrowserSortsAndJumps(t *testing.T) {
	g, _, docs := browseFixture(t)
	b := g.SpanBrowser()
	b.TapHeader(2) // Text
	texts := func() []string {
		var out []string
		for _, r := range b.Rows() {
			out = append(out, fieldOf(r, 1))
		}
		return out
	}
	if got := texts(); !equal(got, []string{"Lavrov", "Lavrov", "Lavróv's aide", "Then Lavrov again", "Wang Yi"}) {
		t.Fatalf("sorted by text: %q", got)
	}
	b.TapHeader(2)
	if got := texts(); got[0] != "Wang Yi" || got[4] != "Lavrov" {
		t.Fatalf("second tap does not reverse: %q", got)
	}
	b.TapHeader(4) // Annotator
	if got := b.Rows(); fieldOf(got[0], 3) != "other" {
		t.Fatalf("sorted by annotator: %q", got)
	}
	b.TapHeader(2)
	b.Select(1, true) // the second "Lavrov" after sorting by text: Two's
	if g.Document().ID != docs[1].ID {
		t.Fatalf("Enter showed %q", g.Document().Title)
	}
	sel := g.SelectedSpan()
	sp := findSpan(g, sel)
	if sp == nil || sp.Start != 18 || sp.End != 24 {
		t.Fatalf("jumped to span %q = %+v, want [18, 24) of Two", sel, sp)
	}
	if g.Overlay() != nil {
		t.Error("the browser stayed open over the document")
	}
}

func TestSpanBrowserBulkRelabelAndDeleteUndoAsOne(t *testing.T) {
	g, s, docs := browseFixture(t)
	b := g.SpanBrowser()
	_, _, _, text := b.Filters()
	text.SetText("lavrov")
	before0, before1 := spans(t, s, docs[0].ID), spans(t, s, docs[1].ID)
	b.Check(0)
	b.Check(2)
	b.Relabel("claim")
	claim := label(t, s, "claim").ID
	if countLabel(t, s, docs[0].ID, claim) != 2 || countLabel(t, s, docs[1].ID, claim) != 1 {
		t.Fatal("relabel did not reach both documents")
	}
	if got := g.MenuItem("Edit", 0).Label; got != "Undo relabel 2 spans" {
		t.Errorf("Edit menu: %q", got)
	}
	b.Close()
	g.MenuAction("Edit", "Undo")()
	if !sameSpans(spans(t, s, docs[0].ID), before0) || !sameSpans(spans(t, s, docs[1].ID), before1) {
		t.Fatal("one undo did not restore both documents' labels")
	}
	g.MenuAction("View", "Span browser")()
	b.Check(0)
	b.Check(1)
	b.Check(3)
	b.Delete()
	if n := len(spans(t, s, docs[0].ID)) + len(spans(t, s, docs[1].ID)); n != 2 {
		t.Fatalf("%d spans left after deleting 3 of 5", n)
	}
	if got := len(b.Rows()); got != 1 { // "lavrov" still filters: the prediction
		t.Errorf("browser shows %d rows after the delete, want 1", got)
	}
	b.Close()
	g.MenuAction("Edit", "Undo")()
	if !sameSpans(spans(t, s, docs[0].ID), before0) || !sameSpans(spans(t, s, docs[1].ID), before1) {
		t.Fatal("one undo did not bring back the three deleted spans")
	}
}
