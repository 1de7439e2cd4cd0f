package textview

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func TestCRLFNotDrawnAndOffsetsKept(t *testing.T) {
	text, _ := readFixture(t)
	if !strings.Contains(text, "\r\n") {
		t.Fatal("fixture has no CRLF")
	}
	v, _ := newView(t, text, nil, nil)
	for _, o := range texts(v) {
		if strings.ContainsAny(o.Text, "\r\n") {
			t.Errorf("canvas.Text %q contains a line break", o.Text)
		}
	}
	// The line after a CRLF starts at the left margin, one line lower.
	second := cpOf(t, text, "北京")
	p0, p1 := v.PositionOf(0), v.PositionOf(second)
	if p1.X != p0.X || p1.Y <= p0.Y {
		t.Errorf("line after CRLF at %v, first line at %v", p1, p0)
	}
	if got := v.OffsetAt(p1); got != second {
		t.Errorf("OffsetAt(start of second line) = %d, want %d", got, second)
	}
	// Clicking past the end of a CRLF line puts the caret before the '\r'.
	cr := unitext.RuneLen(text[:strings.Index(text, "\r\n")])
	end := v.PositionOf(cr)
	if got := v.OffsetAt(fyne.NewPos(end.X+200, end.Y+2)); got != cr {
		t.Errorf("OffsetAt(past the first line) = %d, want %d", got, cr)
	}
	// Every grapheme boundary maps to a position and back. Where
	// right-to-left and left-to-right text meet, two boundaries share one
	// position, and inside shaped Arabic two can be less than a pixel apart:
	// there the offset found must be at the same place.
	for _, b := range unitext.GraphemeBreaks(text) {
		got := v.OffsetAt(v.PositionOf(b))
		pg, pb := v.PositionOf(got), v.PositionOf(b)
		if got != b && !(b > 0 && v.Runes()[b-1] == '\n') && (pg.Y != pb.Y || abs(pg.X-pb.X) >= 1) {
			t.Errorf("OffsetAt(PositionOf(%d)) = %d", b, got)
		}
	}
}

func TestOverlappingSpansRender(t *testing.T) {
	text, _ := readFixture(t)
	actor := &annotate.Label{ID: "L1", Name: "actor", Color: "#56B4E9"}
	claim := &annotate.Label{ID: "L2", Name: "claim", Color: "#E69F00"}
	pred := &annotate.Label{ID: "L3", Name: "prediction", Color: "#009E73"}
	// The fixture's claim and prediction spans overlap on "slow convergence".
	o, i, n := cpOf(t, text, "expect “slow"), cpOf(t, text, "“slow"), cpOf(t, text, "slow convergence")
	outer := &annotate.Span{ID: "S1", Start: o, End: o + 25, LabelID: claim.ID}
	inner := &annotate.Span{ID: "S2", Start: i, End: i + 26, LabelID: pred.ID}
	nested := &annotate.Span{ID: "S3", Start: n, End: n + 4, LabelID: actor.ID}
	v, _ := newView(t, text, []*annotate.Span{inner, nested, outer}, []*annotate.Label{actor, claim, pred})

	for _, l := range []*annotate.Label{actor, claim, pred} {
		if len(rectsOf(v, l.Color)) < 2 {
			t.Errorf("label %s: %d rectangles, want a background and an underline bar", l.Name, len(rectsOf(v, l.Color)))
		}
	}
	// The bars of the three layers sit in three rows.
	rows := map[float32]bool{}
	for _, l := range []*annotate.Label{actor, claim, pred} {
		for _, r := range rectsOf(v, l.Color) {
			if r.Size().Height == v.lay.m.bar {
				rows[r.Position().Y] = true
			}
		}
	}
	if len(rows) != 3 {
		t.Errorf("underline bars in %d rows, want 3", len(rows))
	}

	if got := v.LabelsAt(n + 1); len(got) != 3 || got[0].Name != "claim" || got[1].Name != "prediction" || got[2].Name != "actor" {
		t.Errorf("LabelsAt(%d) = %v", n+1, got)
	}
	if got := v.LabelsAt(5); got != nil {
		t.Errorf("LabelsAt(5) = %v, want none", got)
	}

	var tapped string
	v.OnSpanTapped = func(id string) { tapped = id }
	test.TapAt(v, mid(v, n+2))
	if tapped != "S3" {
		t.Errorf("tap on nested span: OnSpanTapped(%q), want S3", tapped)
	}
	test.TapAt(v, mid(v, o+2))
	if tapped != "S1" {
		t.Errorf("tap on outer span: OnSpanTapped(%q), want S1", tapped)
	}
	if v.SelectedSpan() != "S1" {
		t.Errorf("SelectedSpan = %q after tapping it", v.SelectedSpan())
	}
	test.TapAt(v, mid(v, i+22))
	if tapped != "S2" {
		t.Errorf("tap on the end of the prediction: OnSpanTapped(%q), want S2", tapped)
	}
	test.TapAt(v, mid(v, 3))
	if tapped != "" {
		t.Errorf("tap on plain text: OnSpanTapped(%q), want \"\"", tapped)
	}

	// A selected span gets an outline in its label's colour.
	v.SetSelectedSpan("S2")
	outlined := false
	for _, o := range test.WidgetRenderer(v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor == color.Color(parseColor(pred.Color)) {
			outlined = true
		}
	}
	if !outlined {
		t.Error("selected span has no outline")
	}

	// Flash runs to its end at once in the test driver and leaves nothing.
	v.Flash("S2")
	if v.flashID != "" {
		t.Errorf("flash still on: %q", v.flashID)
	}
}

func TestSetSpansRepaints(t *testing.T) {
	text, _ := readFixture(t)
	l := &annotate.Label{ID: "L", Name: "actor", Color: "#CC79A7"}
	v, _ := newView(t, text, nil, []*annotate.Label{l})
	if len(rectsOf(v, l.Color)) != 0 {
		t.Fatal("rectangles before any span")
	}
	v.SetSpans([]*annotate.Span{{ID: "S", Start: 9, End: 18, LabelID: "L"}})
	if len(rectsOf(v, l.Color)) == 0 {
		t.Error("SetSpans did not paint the new span")
	}
	v.SetSpans(nil)
	if len(rectsOf(v, l.Color)) != 0 {
		t.Error("SetSpans(nil) left highlights")
	}
}

func TestHoverReportsLabels(t *testing.T) {
	text, _ := readFixture(t)
	l := &annotate.Label{ID: "L", Name: "actor", Color: "#56B4E9"}
	v, w := newView(t, text, []*annotate.Span{{ID: "S", Start: 9, End: 18, LabelID: "L"}}, []*annotate.Label{l})
	var cp = -2
	var names []string
	v.OnHover = func(c int, labels []annotate.Label) {
		cp, names = c, nil
		for _, l := range labels {
			names = append(names, l.Name)
		}
	}
	abs := canvasPos(v, w)
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 12)))
	if cp != 12 || len(names) != 1 || names[0] != "actor" {
		t.Errorf("hover over span: cp %d labels %v", cp, names)
	}
	test.MoveMouse(w.Canvas(), abs.Add(mid(v, 2)))
	if cp != 2 || names != nil {
		t.Errorf("hover over plain text: cp %d labels %v", cp, names)
	}
	v.MouseOut()
	if cp != -1 {
		t.Errorf("mouse out: cp %d", cp)
	}
}

func TestWrapFollowsWidth(t *testing.T) {
	para := strings.Repeat("The delegations met again on Monday and agreed to continue talks. ", 12)
	v, w := newView(t, para, nil, nil)
	w.Resize(fyne.NewSize(220, 600))
	narrow := len(lineYs(v))
	if narrow < 4 {
		t.Fatalf("narrow view shows %d lines, want several", narrow)
	}
	for _, o := range texts(v) {
		if right := o.Position().X + o.Size().Width; right > v.Size().Width {
			t.Errorf("text %q ends at %v, past the view's width %v", o.Text, right, v.Size().Width)
		}
	}
	w.Resize(fyne.NewSize(900, 600))
	if wide := len(lineYs(v)); wide >= narrow {
		t.Errorf("wide view shows %d lines, narrow %d: want fewer", wide, narrow)
	}
	// A word longer than the line is broken rather than overflowing.
	v.SetDocument(strings.Repeat("x", 400), nil, nil)
	if n := len(lineYs(v)); n < 2 {
		t.Errorf("a 400-letter word takes %d lines", n)
	}
}

func TestScrolling(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("Paragraph with a few words in it to wrap and scroll through.\r\n")
	}
	text := b.String()
	v, w := newView(t, text, nil, nil)
	first := v.OffsetAt(fyne.NewPos(0, 0))
	if first != 0 {
		t.Fatalf("top offset %d at start", first)
	}
	abs := canvasPos(v, w)
	test.Scroll(w.Canvas(), abs.Add(fyne.NewPos(10, 10)), 0, -300)
	afterWheel := v.OffsetAt(fyne.NewPos(0, 0))
	if afterWheel <= 0 {
		t.Errorf("wheel did not scroll: top offset %d", afterWheel)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if got := v.OffsetAt(fyne.NewPos(0, 0)); got <= afterWheel {
		t.Errorf("PageDown: top offset %d, was %d", got, afterWheel)
	}
	target := len(v.Runes()) - 10
	v.ScrollToOffset(target)
	if p := v.PositionOf(target); p.Y < 0 || p.Y >= v.Size().Height {
		t.Errorf("ScrollToOffset(%d): it is at %v", target, p)
	}
	// The end of the document is at the bottom, not above it.
	test.Scroll(w.Canvas(), abs.Add(fyne.NewPos(10, 10)), 0, -1e6)
	end := v.PositionOf(len(v.Runes()))
	if end.Y > v.Size().Height || end.Y < v.Size().Height-3*v.lay.m.lineH {
		t.Errorf("scrolled to the end, last line at %v in a view %v high", end.Y, v.Size().Height)
	}
	v.ScrollToOffset(0)
	if got := v.OffsetAt(fyne.NewPos(0, 0)); got != 0 {
		t.Errorf("ScrollToOffset(0): top offset %d", got)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	if got := v.OffsetAt(fyne.NewPos(0, 0)); got != 0 {
		t.Errorf("PageUp at the top: top offset %d", got)
	}
	// Offsets stay exact after scrolling.
	v.ScrollToOffset(len(v.Runes()) / 2)
	for _, o := range texts(v)[:5] {
		if got := v.OffsetAt(o.Position()); string(v.Runes()[got:got+len([]rune(o.Text))]) != o.Text {
			t.Errorf("OffsetAt(%v) = %d, text there is not %q", o.Position(), got, o.Text)
		}
	}
}

func TestTextScale(t *testing.T) {
	v, _ := newView(t, "Zoom me in and out.", nil, nil)
	before := texts(v)[0].TextSize
	v.SetTextScale(2)
	if got := texts(v)[0].TextSize; got != 2*before {
		t.Errorf("text size %v after zoom, want %v", got, 2*before)
	}
	if p := v.PositionOf(5); v.OffsetAt(p) != 5 {
		t.Errorf("offsets wrong after zoom")
	}
}

// TestSelectedSpanKeepsItsColour: when a span is selected (and so its text
// too), it shows in its label colour with an outline, not under the
// selection colour; any other selection shows the selection colour.
func TestSelectedSpanKeepsItsColour(t *testing.T) {
	test.NewTempApp(t)
	actor := &annotate.Label{ID: "L1", Name: "actor", Color: "#56B4E9"}
	s := &annotate.Span{ID: "S1", Start: 0, End: 6, LabelID: actor.ID}
	v, _ := newView(t, "Moscow and Beijing met.", []*annotate.Span{s}, []*annotate.Label{actor})
	th := v.Theme()
	sel := color.NRGBAModel.Convert(th.Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())).(color.NRGBA)
	selHex := fmt.Sprintf("#%02X%02X%02X", sel.R, sel.G, sel.B)

	v.SetSelection(11, 18)
	if len(rectsOf(v, selHex)) == 0 {
		t.Fatal("a plain selection shows no selection rectangle")
	}
	v.SetSelectedSpan("S1")
	v.SetSelection(0, 6)
	if n := len(rectsOf(v, selHex)); n != 0 {
		t.Errorf("the selected span is covered by %d selection rectangles", n)
	}
	outlined := false
	for _, o := range test.WidgetRenderer(v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor != nil {
			outlined = true
		}
	}
	if !outlined {
		t.Error("the selected span has no outline")
	}
}
