package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

// outlines returns the stroked, unfilled-or-tinted rectangles drawn for
// find hits, with their index among the renderer's objects.
func outlines(v *TextView) (rects []*canvas.Rectangle, idx []int) {
	for i, o := range test.WidgetRenderer(v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor != nil && r.Visible() {
			if r.Size().Width < 2 {
				continue
			}
			rects = append(rects, r)
			idx = append(idx, i)
		}
	}
	return rects, idx
}

func TestFindHitsOutlineEachHitUnderTheText(t *testing.T) {
	v, _ := newView(t, "the cat and the dog and the bird", nil, nil)
	before, _ := outlines(v)
	if len(before) != 0 {
		t.Fatalf("%d outlines before any find", len(before))
	}
	hits := [][2]int{{0, 3}, {12, 15}, {24, 27}}
	v.SetFindHits(hits, 1)
	rects, idx := outlines(v)
	if len(rects) != 3 {
		t.Fatalf("got %d outlines, want 3", len(rects))
	}
	firstText := -1
	for i, o := range test.WidgetRenderer(v).Objects() {
		if _, ok := o.(*canvas.Text); ok {
			firstText = i
			break
		}
	}
	for k, r := range rects {
		if idx[k] > firstText {
			t.Errorf("outline %d drawn after the text (object %d > %d)", k, idx[k], firstText)
		}
		want := v.PositionOf(hits[k][0])
		if d := r.Position().X - want.X; d < -2 || d > 2 {
			t.Errorf("outline %d at x=%v, hit starts at x=%v", k, r.Position().X, want.X)
		}
	}
	fill := func(r *canvas.Rectangle) uint8 { return color.NRGBAModel.Convert(r.FillColor).(color.NRGBA).A }
	if fill(rects[1]) == 0 || fill(rects[0]) != 0 || fill(rects[2]) != 0 {
		t.Errorf("only the current hit should be filled: %d %d %d", fill(rects[0]), fill(rects[1]), fill(rects[2]))
	}
	if rects[1].StrokeWidth <= rects[0].StrokeWidth {
		t.Errorf("current outline %v not thicker than %v", rects[1].StrokeWidth, rects[0].StrokeWidth)
	}
	if s, e := v.Selection(); s != 0 || e != 0 {
		t.Errorf("find hits changed the selection to [%d, %d)", s, e)
	}
	if got, cur := v.FindHits(); len(got) != 3 || cur != 1 {
		t.Errorf("FindHits = %v, %d", got, cur)
	}
}

func TestFindHitsDistinctFromSpansAndClearedByNewDocument(t *testing.T) {
	labels := []*annotate.Label{{ID: "L", Name: "animal", Color: "#e6194b"}}
	spans := []*annotate.Span{{ID: "s1", DocumentID: "d", Start: 4, End: 7, LabelID: "L"}}
	v, w := newView(t, "the cat sat", spans, labels)
	w.Resize(fyne.NewSize(600, 400))
	v.SetFindHits([][2]int{{4, 7}}, -1)
	if rects, _ := outlines(v); len(rects) != 1 {
		t.Fatalf("got %d outlines, want 1 over the span", len(rects))
	}
	if len(rectsOf(v, "#e6194b")) == 0 {
		t.Error("the span's own background is gone")
	}
	v.SetDocument("another text", nil, nil)
	if rects, _ := outlines(v); len(rects) != 0 {
		t.Errorf("%d outlines left after a new document", len(rects))
	}
	if _, cur := v.FindHits(); cur != -1 {
		t.Errorf("current = %d after a new document", cur)
	}
}
