package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

// TestHoverEndsOnPress: pressing the mouse reports that nothing is hovered
// (so the window hides its tooltip and clears "Under the mouse"), and a drag
// across a span reports no hover until the button is released and the mouse
// moves again (issue 15, defect 8).
func TestHoverEndsOnPress(t *testing.T) {
	text := "Senior officials from Russia and China met virtually on Monday."
	l := &annotate.Label{ID: "L", Name: "actor", Color: "#56B4E9"}
	v, w := newView(t, text, []*annotate.Span{{ID: "S", Start: 22, End: 28, LabelID: "L"}}, []*annotate.Label{l})
	var reports []int
	var last []annotate.Label
	v.OnHover = func(c int, labels []annotate.Label) {
		reports = append(reports, c)
		last = labels
	}
	abs := canvasPos(v, w)
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 24)))
	if len(last) != 1 {
		t.Fatalf("hover over the span reported %v", last)
	}
	v.MouseDown(primary(mid(v, 24), 0))
	if len(last) != 0 || reports[len(reports)-1] != -1 {
		t.Fatalf("after the press: reports %v, labels %v; want -1 and none", reports, last)
	}
	n := len(reports)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid(v, 40)}, Dragged: fyne.Delta{DX: mid(v, 40).X - mid(v, 24).X}})
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 26))) // the driver may report moves during a drag
	if len(reports) != n {
		t.Errorf("hover reported during the drag: %v", reports[n:])
	}
	v.MouseUp(primary(mid(v, 26), 0))
	v.DragEnd()
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 2)))
	if len(last) != 0 || reports[len(reports)-1] != 2 {
		t.Errorf("over plain text after the drag: reports %v, labels %v", reports, last)
	}
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 23)))
	if len(last) != 1 {
		t.Errorf("hover over the span after the drag: %v", last)
	}
}
