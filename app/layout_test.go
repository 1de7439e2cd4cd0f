package app_test

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/app"
)

// rect is an object's place in the window.
type rect struct{ x, y, w, h float32 }

func place(o fyne.CanvasObject) rect {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return rect{p.X, p.Y, o.Size().Width, o.Size().Height}
}

func (r rect) overlaps(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// checkNoOverlap fails when two of objs overlap or one leaves within.
func checkNoOverlap(t *testing.T, what string, within rect, objs ...fyne.CanvasObject) {
	t.Helper()
	for i, a := range objs {
		ra := place(a)
		if ra.y+ra.h > within.y+within.h+0.5 || ra.x+ra.w > within.x+within.w+0.5 {
			t.Errorf("%s: object %d (%T) at %+v leaves its panel %+v", what, i, a, ra, within)
		}
		for j := i + 1; j < len(objs); j++ {
			if rb := place(objs[j]); ra.overlaps(rb) {
				t.Errorf("%s: object %d (%T) at %+v overlaps object %d (%T) at %+v", what, i, a, ra, j, objs[j], rb)
			}
		}
	}
}

// selectSpanOfLength adds a claim over the first n code points (from
// wordStart) and selects it through the Spans list.
func selectSpanOfLength(t *testing.T, g *app.Probe, s interface {
	AddSpan(*annotate.Span) error
}, labelID string, n int) *annotate.Span {
	t.Helper()
	doc := g.Document()
	if len([]rune(doc.Text)) < wordStart+n {
		t.Fatalf("the sample article has fewer than %d code points", wordStart+n)
	}
	sp := annotate.NewSpan(doc.ID, wordStart, wordStart+n, labelID)
	sp.Note = "a note"
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	g.TapSpanRow(0)
	relayout(g)
	if g.SelectedSpan() != sp.ID {
		t.Fatalf("the spans list selected %q, want %q", g.SelectedSpan(), sp.ID)
	}
	return sp
}

// TestLongSpanKeepsSelectedSpanPanel: the quoted text is one line ending in
// an ellipsis, whatever the span's length; nothing in the panel overlaps
// and the panel never reaches the Spans list (issue 15, defect 3).
func TestLongSpanKeepsSelectedSpanPanel(t *testing.T) {
	var mins []fyne.Size
	for _, n := range []int{12, 175, 339} {
		g, s := newGloss(t)
		sp := selectSpanOfLength(t, g, s, label(t, s, "claim").ID, n)
		panel, rows := g.EditorPanel()
		mins = append(mins, panel.MinSize())
		within := place(panel)
		checkNoOverlap(t, fmt.Sprintf("span of %d", n), within, rows...)
		if list := place(g.SpansPanel()); within.overlaps(list) {
			t.Errorf("span of %d: the Selected-span panel %+v overlaps the Spans list %+v", n, within, list)
		}
		whole := []rune(g.Document().Text)[sp.Start:sp.End]
		if tip := strings.Join(strings.Fields(g.EditorTip()), " "); !strings.Contains(tip, strings.Join(strings.Fields(string(whole)), " ")) {
			t.Errorf("span of %d: the tooltip %q does not hold the span's whole text", n, tip)
		}
		if !strings.Contains(g.EditorText(), fmt.Sprintf("(%d characters)", n)) {
			t.Errorf("span of %d: the panel says %q", n, g.EditorText())
		}
	}
	for i, m := range mins[1:] {
		if m != mins[0] {
			t.Errorf("the panel's minimum size grows with the span: %v for 12 characters, %v for span %d", mins[0], m, i+1)
		}
	}
}

// relayout lays the window out again at its size, as the next frame would.
func relayout(g *app.Probe) {
	w := g.Window()
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(1, 1))
	w.Resize(size)
}

// TestSpanFilterKeepsPanelWidth: filtering the Spans list changes its count
// ("1 of 3") but not the width of the panels or of the text (defect 9).
func TestSpanFilterKeepsPanelWidth(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	for i, name := range []string{"claim", "actor", "actor"} {
		if err := s.AddSpan(annotate.NewSpan(doc.ID, 10*i, 10*i+5, label(t, s, name).ID)); err != nil {
			t.Fatal(err)
		}
	}
	app.ReloadForTest(g)
	g.Window().Resize(fyne.NewSize(1000, 700))
	text, side, min := g.TextWidth(), g.SpansPanel().Size().Width, g.SpansPanel().MinSize().Width
	for _, f := range []string{"claim", "actor", ""} {
		g.SetSpanFilter(f)
		relayout(g)
		if m := g.SpansPanel().MinSize().Width; m != min {
			t.Errorf("filter %q: the spans panel needs %v px, %v before", f, m, min)
		}
		if g.TextWidth() != text || g.SpansPanel().Size().Width != side {
			t.Errorf("filter %q: text %v wide, spans panel %v; before %v and %v", f, g.TextWidth(), g.SpansPanel().Size().Width, text, side)
		}
	}
	if n := len(g.SpanRows()); n != 3 {
		t.Errorf("all labels again: %d rows, want 3", n)
	}
}
