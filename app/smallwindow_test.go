package app_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gloss/annotate"
	"gloss/app"
)

// checkSmallWindow checks what defect 10 of issue 15 found cut at size:
// the offset fields show seven digits, every label chip is whole and in
// the label bar, and the text column keeps a usable width.
func checkSmallWindow(t *testing.T, g *app.Probe, size fyne.Size) {
	t.Helper()
	g.Window().Resize(size)
	relayout(g)
	start, end := g.OffsetFields()
	need := fyne.MeasureText("9999999", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	for _, e := range []fyne.CanvasObject{start, end} {
		if w := e.Size().Width; w < need {
			t.Errorf("at %v an offset field is %v wide, %v needed for seven digits", size, w, need)
		}
	}
	area, chips := g.LabelChips()
	if len(chips) < 2 {
		t.Fatalf("%d label chips", len(chips))
	}
	r := place(area)
	checkNoOverlap(t, "label bar", r, chips...)
	for i, c := range chips {
		if c.Size().Width < c.MinSize().Width {
			t.Errorf("at %v chip %d is cut to %v of %v", size, i, c.Size().Width, c.MinSize().Width)
		}
	}
	if w := g.TextWidth(); w < 290 { // 300, less rounding where the window is at its minimum
		t.Errorf("at %v the text is %v wide", size, w)
	}
}

// TestSmallWindowKeepsOffsetsLabelsAndText: at 900×600 and at the window's
// minimum size nothing is cut and the text stays usable (defect 10).
func TestSmallWindowKeepsOffsetsLabelsAndText(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	if err := s.AddSpan(annotate.NewSpan(doc.ID, wordStart, wordEnd, label(t, s, "claim").ID)); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	g.TapSpanRow(0)
	checkSmallWindow(t, g, fyne.NewSize(900, 600))
	checkSmallWindow(t, g, g.Window().Content().MinSize())
}

// TestSidePanelsCollapseAndAreRemembered: View ▸ Documents panel and Span
// panels hide and show the side panels, giving their room to the text, and
// a window opened later starts as the last one was left.
func TestSidePanelsCollapseAndAreRemembered(t *testing.T) {
	g, _ := newGloss(t)
	g.Window().Resize(fyne.NewSize(900, 600))
	before := g.TextWidth()
	minBefore := g.Window().Content().MinSize().Width
	for _, name := range []string{"Documents panel", "Span panels"} {
		g.MenuAction("View", name)()
		relayout(g)
	}
	if docs, side := g.PanelsShown(); docs || side {
		t.Fatalf("documents panel shown %v, span panels %v", docs, side)
	}
	if w := g.TextWidth(); w < 850 {
		t.Errorf("with both panels hidden the text is %v wide (%v before) in a 900 px window", w, before)
	}
	if m := g.Window().Content().MinSize().Width; m >= minBefore {
		t.Errorf("hiding the panels left the window's minimum width at %v (%v before)", m, minBefore)
	}
	for i, name := range []string{"Documents panel", "Span panels"} {
		if it := g.MenuItem("View", 7+i); it.Label != name || it.Checked {
			t.Errorf("View menu item %q checked %v, want %s unchecked", it.Label, it.Checked, name)
		}
	}

	// A second window of the same app starts with the panels hidden.
	g2 := secondWindow(t)
	if docs, side := g2.PanelsShown(); docs || side {
		t.Error("a new window forgot that the side panels were hidden")
	}
	g2.MenuAction("View", "Documents panel")()
	if docs, _ := g2.PanelsShown(); !docs {
		t.Error("View ▸ Documents panel did not show the panel again")
	}
}

// TestDividersAreRemembered: where the dividers were left when a window
// closed is where the next window puts them.
func TestDividersAreRemembered(t *testing.T) {
	g, _ := newGloss(t)
	g.SetDividers(0.31, 0.64)
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	if docs, side := secondWindow(t).Dividers(); docs != 0.31 || side != 0.64 {
		t.Errorf("the next window's dividers are at %v and %v, want 0.31 and 0.64", docs, side)
	}
}
