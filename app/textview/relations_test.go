package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// arcObjects returns the lines drawn and the names written on arcs.
func arcObjects(v *TextView) (lines []*canvas.Line, names []string) {
	for _, o := range test.WidgetRenderer(v).Objects() {
		switch x := o.(type) {
		case *canvas.Line:
			lines = append(lines, x)
		case *canvas.Text:
			if x.TextStyle == arcStyle {
				names = append(names, x.Text)
			}
		}
	}
	return lines, names
}

func TestRelationArcsSelectedAndAll(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	top := v.PositionOf(0).Y
	v.SetRelations([]Relation{{ID: "r1", From: "minister", To: "moscow", Name: "meets", Directed: true}})
	if y := v.PositionOf(0).Y; y <= top {
		t.Fatalf("text top %v after relations, want below %v: a row for arcs", y, top)
	}
	if lines, names := arcObjects(v); len(lines) != 0 || len(names) != 0 {
		t.Fatalf("nothing selected, all off: drew %d lines, names %v", len(lines), names)
	}
	v.SetSelectedSpan("moscow")
	lines, names := arcObjects(v)
	if len(names) != 1 || names[0] != "meets" {
		t.Fatalf("selected span's relation: names %v, want [meets]", names)
	}
	// a bracket (2 verticals, 2 rails) and an arrowhead (2 strokes) at Moscow
	if len(lines) != 6 {
		t.Fatalf("drew %d lines, want 6", len(lines))
	}
	mx := v.PositionOf(spans[2].Start).X
	head := lines[4]
	if head.Position1.X < mx || head.Position1.Y != v.PositionOf(0).Y {
		t.Errorf("arrowhead at %v, want at the top of the text right of %v", head.Position1, mx)
	}
	// every line is drawn before any text
	seenText := false
	for _, o := range test.WidgetRenderer(v).Objects() {
		switch o.(type) {
		case *canvas.Text:
			seenText = true
		case *canvas.Line:
			if seenText {
				t.Fatal("a line drawn after text")
			}
		}
	}
	v.SetSelectedSpan("")
	v.ShowAllRelations(true)
	if _, names := arcObjects(v); len(names) != 1 {
		t.Fatalf("show all: names %v", names)
	}
	v.SetRelations(nil)
	if y := v.PositionOf(0).Y; y != top {
		t.Errorf("no relations: text top %v, want %v again", y, top)
	}
}

func TestRelationArcAcrossLines(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, w := newView(t, text, spans, labels)
	w.Resize(fyne.NewSize(160, 400)) // narrow: Minister and Moscow on different lines
	v.SetRelations([]Relation{{ID: "r1", From: "minister", To: "moscow", Name: "meets"}})
	v.ShowAllRelations(true)
	if v.PositionOf(spans[1].Start).Y == v.PositionOf(spans[2].Start).Y {
		t.Fatal("test needs the spans on two lines")
	}
	lines, names := arcObjects(v)
	if len(lines) != 4 || len(names) != 1 {
		t.Fatalf("two half arcs: %d lines (want 4), names %v", len(lines), names)
	}
}

func TestRelationToMissingSpanNotDrawn(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	v.SetRelations([]Relation{{ID: "r1", From: "minister", To: "gone", Name: "meets"}})
	v.ShowAllRelations(true)
	if lines, _ := arcObjects(v); len(lines) != 0 {
		t.Fatalf("drew %d lines for a relation to a span not shown", len(lines))
	}
}

func TestAltDragLinksSpans(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	var got [2]string
	v.OnLinkDragged = func(from, to string) { got = [2]string{from, to} }
	p1 := v.PositionOf(spans[1].Start + 14) // in "China": minister
	p2 := v.PositionOf(spans[2].Start + 2)  // in "Moscow"
	p1.Y += 3
	p2.Y += 3
	v.MouseDown(primary(p1, fyne.KeyModifierAlt))
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p2}, Dragged: fyne.Delta{DX: p2.X - p1.X}})
	v.DragEnd()
	if got != [2]string{"minister", "moscow"} {
		t.Fatalf("link %v, want minister -> moscow", got)
	}
	if s, e := v.Selection(); s != e {
		t.Errorf("an Alt drag selected %d–%d", s, e)
	}
}

func TestTabWalksSpans(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	var tapped []string
	v.OnSpanTapped = func(id string) { tapped = append(tapped, id) }
	v.TabWalksSpans = true
	if !v.AcceptsTab() {
		t.Fatal("Tab should stay in the view")
	}
	v.SetSelectedSpan("outer")
	for i := 0; i < 3; i++ {
		v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	}
	want := []string{"minister", "moscow", "outer"}
	for i := range want {
		if i >= len(tapped) || tapped[i] != want[i] {
			t.Fatalf("Tab walked %v, want %v", tapped, want)
		}
	}
}
