package textview

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/internal/fixture"
)

// readFixture returns the Unicode edge cases and their expected spans.
func readFixture(t *testing.T) (string, []fixture.Span) {
	t.Helper()
	u := fixture.EdgeCases(t)
	return u.Text, u.Spans
}

// newView shows text in a 600x400 test window.
func newView(t testing.TB, text string, spans []*annotate.Span, labels []*annotate.Label) (*TextView, fyne.Window) {
	test.NewTempApp(t)
	v := New()
	v.SetDocument(text, spans, labels)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(600, 400))
	return v, w
}

func primary(pos fyne.Position, mod fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
}

// dragSelect presses the mouse at code point from and drags to code point
// to, through the test canvas.
func dragSelect(v *TextView, w fyne.Window, from, to int) {
	p1, p2 := v.PositionOf(from), v.PositionOf(to)
	dragPoints(v, w, p1, p2)
}

// dragPoints presses the mouse at p1 and drags to p2, through the test canvas.
func dragPoints(v *TextView, w fyne.Window, p1, p2 fyne.Position) {
	v.MouseDown(primary(p1, 0))
	abs := canvasPos(v, w)
	test.Drag(w.Canvas(), abs.Add(p2), p2.X-p1.X, p2.Y-p1.Y)
	v.MouseUp(primary(p2, 0))
}

// texts returns the text objects the renderer shows.
func texts(v *TextView) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(v).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// rectsOf returns the rectangles filled with c at any alpha.
func rectsOf(v *TextView, c string) []*canvas.Rectangle {
	want := parseColor(c)
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(v).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || r.FillColor == nil {
			continue
		}
		got := color.NRGBAModel.Convert(r.FillColor).(color.NRGBA)
		if got.A > 0 && got.R == want.R && got.G == want.G && got.B == want.B {
			out = append(out, r)
		}
	}
	return out
}

// lineYs returns the distinct y of the text objects: one per line shown.
func lineYs(v *TextView) map[float32]bool {
	ys := map[float32]bool{}
	for _, t := range texts(v) {
		ys[t.Position().Y] = true
	}
	return ys
}

// cpOf returns the code point offset of the first occurrence of sub.
func cpOf(t *testing.T, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return unitext.RuneLen(text[:i])
}

func mid(v *TextView, cp int) fyne.Position {
	p := v.PositionOf(cp)
	return fyne.NewPos(p.X+2, p.Y+v.lay.m.textH/2)
}

// canvasPos returns where v sits on w's canvas, the coordinates test.Drag,
// test.Scroll and test.MoveMouse take (the driver's absolute positions are
// relative to the canvas' interactive area).
func canvasPos(v *TextView, w fyne.Window) fyne.Position {
	inset, _ := w.Canvas().InteractiveArea()
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Add(inset)
}

// hold makes the view see mods as the modifier keys held during key events,
// as the desktop driver would report them.
func hold(v *TextView, mods fyne.KeyModifier) {
	v.modifiers = func() fyne.KeyModifier { return mods }
}
