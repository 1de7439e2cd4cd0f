package app_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCorpusFindWaitsForTypingToPause: typing into Find in all documents
// starts no scan per key; one scan starts when the typing pauses, and a
// scan that ends after a newer one does not replace its results.
func TestCorpusFindWaitsForTypingToPause(t *testing.T) {
	g, _, _ := newFindGloss(t)
	clock := g.FakeSearchClock()
	g.MenuAction("Edit", "Find in all documents")()
	c := g.CorpusFind()
	for i := 0; i < clock.Jobs(); i++ { // the search the dialog opened with
		clock.RunJob(i)
	}
	start := clock.Jobs()
	for _, q := range []string{"l", "la", "lav", "lavrov"} {
		test.Type(c.Query(), q[len(c.Query().Text):])
	}
	if clock.Jobs() != start || clock.Pending() != 1 {
		t.Fatalf("after typing: %d scans started, %d pauses running; want none and 1", clock.Jobs()-start, clock.Pending())
	}
	if got := c.Count(); got != "" {
		t.Errorf("results shown before the pause: %q", got)
	}
	clock.Fire()
	if clock.Jobs() != start+1 {
		t.Fatalf("%d scans after the pause, want 1", clock.Jobs()-start)
	}
	clock.RunJob(start)
	if got := c.Count(); got != "6 hits in 2 documents" {
		t.Errorf("count %q after the pause", got)
	}

	// Two scans overlap: the newer ends first, the older must not win.
	c.Query().SetText("wang")
	clock.Fire()
	c.Query().SetText("no one")
	clock.Fire()
	clock.RunJob(start + 2)
	clock.RunJob(start + 1)
	// "wang" is in One, "no one" in Two: the rows say which scan won.
	if rows := c.Rows(); c.Count() != "1 hit in 1 document" || len(rows) != 2 || rows[0] != "# Two" {
		t.Errorf("after overlapping scans: count %q, rows %q; want the newer scan's (no one, in Two)", c.Count(), rows)
	}
}

// TestConcordanceAndLabelAllWaitForTypingToPause: the concordance's search
// term and label all's text start one scan when the typing pauses.
func TestConcordanceAndLabelAllWaitForTypingToPause(t *testing.T) {
	g, _, _ := newFindGloss(t)
	clock := g.FakeSearchClock()
	g.MenuAction("View", "Concordance")()
	source, _, query, _ := g.Concordance().Controls()
	source.SetSelected(source.Options[1]) // the search term
	started := clock.Jobs()
	test.Type(query, "lavrov")
	if clock.Jobs() != started || clock.Pending() != 1 {
		t.Errorf("concordance: %d scans while typing, %d pauses; want 0 and 1", clock.Jobs()-started, clock.Pending())
	}
	clock.Fire()
	clock.RunJob(clock.Jobs() - 1)
	if n := len(g.Concordance().Rows()); n != 6 {
		t.Errorf("concordance of lavrov: %d lines, want 6", n)
	}
	g.Window().Canvas().Overlays().Top().Hide()

	l := openLabelAll(g, 0, 6)
	_, q, _, _, _, _ := l.Controls()
	started = clock.Jobs()
	test.Type(q, "xyz")
	if clock.Jobs() != started || clock.Pending() != 1 {
		t.Errorf("label all: %d scans while typing, %d pauses; want 0 and 1", clock.Jobs()-started, clock.Pending())
	}
}
