package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"gloss/annotate"
)

func textObject(t *testing.T, v *TextView, s string) *canvas.Text {
	t.Helper()
	for _, o := range texts(v) {
		if o.Text == s {
			return o
		}
	}
	t.Fatalf("no text object %q among %d", s, len(texts(v)))
	return nil
}

// TestHebrewReadsRightToLeft: in "שלום עולם" the first word is drawn to the
// right of the second, and the paragraph is right-aligned (issue 15, defect
// 5).
func TestHebrewReadsRightToLeft(t *testing.T) {
	v, _ := newView(t, "שלום עולם", nil, nil)
	first, second := textObject(t, v, "שלום"), textObject(t, v, "עולם")
	if first.Position().X <= second.Position().X {
		t.Errorf("שלום at x=%v is not right of עולם at x=%v", first.Position().X, second.Position().X)
	}
	if right := first.Position().X + first.Size().Width; right < v.Size().Width-v.lay.m.padX-scrollbarWidth(v.lay.m)-2 {
		t.Errorf("the right-to-left paragraph ends at x=%v, not at the right edge %v", right, v.Size().Width)
	}
}

// TestHebrewClicksAndHighlights: double-clicking the right-most word
// selects code points [0, 4), a click on it lands in [0, 4], and a span over
// [0, 4) is highlighted on the right.
func TestHebrewClicksAndHighlights(t *testing.T) {
	text := "שלום עולם"
	labels := []*annotate.Label{{ID: "actor", Name: "actor", Color: "#56B4E9"}}
	spans := []*annotate.Span{{ID: "s", Start: 0, End: 4, LabelID: "actor"}}
	v, _ := newView(t, text, spans, labels)
	first, second := textObject(t, v, "שלום"), textObject(t, v, "עולם")
	at := fyne.NewPos(first.Position().X+first.Size().Width*0.7, first.Position().Y+v.lay.m.textH/2)
	v.DoubleTapped(&fyne.PointEvent{Position: at})
	if s, e := v.Selection(); s != 0 || e != 4 {
		t.Errorf("double click on the right-most word selected [%d, %d), want [0, 4)", s, e)
	}
	v.Tapped(&fyne.PointEvent{Position: at})
	if s, _ := v.Selection(); s < 0 || s > 4 {
		t.Errorf("click on the right-most word put the caret at %d, want within [0, 4]", s)
	}
	if cp := v.runeAt(fyne.NewPos(second.Position().X+2, at.Y)); cp < 5 {
		t.Errorf("the left-most word is under code point %d, want 5 or more", cp)
	}
	// The right end of the first word is the caret before its first letter.
	if x := v.PositionOf(0).X; x < first.Position().X+first.Size().Width-1 {
		t.Errorf("the caret before code point 0 is at x=%v, left of the word's right edge %v", x, first.Position().X+first.Size().Width)
	}
	rects := rectsOf(v, "#56B4E9")
	if len(rects) == 0 {
		t.Fatal("the span is not drawn")
	}
	for _, r := range rects {
		if r.Position().X < second.Position().X+second.Size().Width {
			t.Errorf("the highlight of [0, 4) starts at x=%v, over the left word (ends at %v)", r.Position().X, second.Position().X+second.Size().Width)
		}
	}
}

// TestMixedDirectionLine: Latin inside Hebrew keeps its own order, and a
// number after Hebrew in a left-to-right paragraph sits left of it.
func TestMixedDirectionLine(t *testing.T) {
	v, _ := newView(t, "Talks in שלום עולם today", nil, nil)
	talks, today := textObject(t, v, "Talks"), textObject(t, v, "today")
	a, b := textObject(t, v, "שלום"), textObject(t, v, "עולם")
	if !(talks.Position().X < b.Position().X && b.Position().X < a.Position().X && a.Position().X < today.Position().X) {
		t.Errorf("visual order wrong: Talks %v, עולם %v, שלום %v, today %v",
			talks.Position().X, b.Position().X, a.Position().X, today.Position().X)
	}
	v2, _ := newView(t, "עולם Gloss 2027 שלום", nil, nil)
	gloss, year := textObject(t, v2, "Gloss"), textObject(t, v2, "2027")
	if gloss.Position().X >= year.Position().X {
		t.Errorf("left-to-right words inside a right-to-left paragraph reversed: Gloss %v, 2027 %v", gloss.Position().X, year.Position().X)
	}
	if textObject(t, v2, "עולם").Position().X <= year.Position().X {
		t.Error("the first Hebrew word of a right-to-left paragraph is not right-most")
	}
}
