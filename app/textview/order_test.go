package textview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

// TestRectanglesBeforeText: every rectangle (span backgrounds, bars, the
// selection, the selected span's outline, the caret, the scrollbar) is
// painted before any text, so that a highlighted line cannot cover the
// descenders of the line above (issue 15, defect 4). Label tags and note
// markers too.
func TestRectanglesBeforeText(t *testing.T) {
	text := strings.Repeat("Global energy technology gives every agency a big edge. ", 40)
	labels := []*annotate.Label{{ID: "claim", Name: "claim", Color: "#E69F00"}}
	spans := []*annotate.Span{
		{ID: "long", Start: 0, End: 600, LabelID: "claim"},
		{ID: "inner", Start: 7, End: 13, LabelID: "claim", Note: "a note"},
	}
	v, w := newView(t, text, spans, labels)
	v.ShowLabelTags(true) // tag chips and note markers are rectangles too
	w.Canvas().Focus(v)
	v.SetSelectedSpan("long")
	v.SetSelection(100, 300)
	v.Flash("inner")
	objs := test.WidgetRenderer(v).Objects()
	firstText, rects := -1, 0
	for i, o := range objs {
		switch o.(type) {
		case *canvas.Text:
			if firstText < 0 {
				firstText = i
			}
		case *canvas.Rectangle:
			rects++
			if firstText >= 0 {
				t.Fatalf("object %d, a rectangle at %v, is painted after the text at %d", i, o.Position(), firstText)
			}
		}
	}
	if firstText < 0 || rects < 10 {
		t.Fatalf("expected text and many rectangles, got first text %d and %d rectangles", firstText, rects)
	}
	// The check above must see a multi-line highlight.
	ys := map[float32]bool{}
	for _, r := range rectsOf(v, "#E69F00") {
		ys[r.Position().Y] = true
	}
	if len(ys) < 4 {
		t.Errorf("the long span covers %d rows of rectangles, want several lines", len(ys))
	}
}

// TestLayoutPlacesLinesForNewSize: a resize, through Layout alone (no
// Refresh), shows the lines that fit the new size.
func TestLayoutPlacesLinesForNewSize(t *testing.T) {
	text := strings.Repeat("A line of text.\n", 100)
	v, w := newView(t, text, nil, nil)
	w.Resize(fyne.NewSize(600, 150))
	short := len(lineYs(v))
	v.Resize(fyne.NewSize(600, 500)) // sets the size and calls the renderer's Layout
	if tall := len(lineYs(v)); tall <= short {
		t.Errorf("Layout to a taller size shows %d lines, no more than the %d before", tall, short)
	}
}
