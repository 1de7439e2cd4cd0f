package textview

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

func tagTestDoc(t *testing.T) (string, []*annotate.Span, []*annotate.Label) {
	text := "The Foreign Minister of China met Moscow officials. Nothing else happened here."
	c, m := cpOf(t, text, "China"), cpOf(t, text, "Moscow")
	f := cpOf(t, text, "Foreign")
	labels := []*annotate.Label{
		{ID: "actor", Name: "actor", Color: "#F0E442"}, // yellow: needs dark text
		{ID: "claim", Name: "claim", Color: "#0072B2"}, // dark blue: needs light text
		{ID: "place", Name: "place", Color: "#56B4E9"},
	}
	spans := []*annotate.Span{
		{ID: "outer", Start: f, End: m + 6, LabelID: "claim", Note: "check the date"},
		{ID: "minister", Start: f, End: c + 5, LabelID: "actor"},
		{ID: "moscow", Start: m, End: m + 6, LabelID: "place"},
	}
	return text, spans, labels
}

func rendererOf(v *TextView) *renderer { return test.WidgetRenderer(v).(*renderer) }

// luminance and contrast follow WCAG 2.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.04045 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestLabelTags: with tags on, each span gets a chip with its label's name
// at its start, in a row above the text; chips of spans starting together
// sit side by side; the stacked bars keep their rows; off, there are none.
func TestLabelTags(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	if n := len(rendererOf(v).tags); n != 0 {
		t.Fatalf("%d tags drawn with tags off", n)
	}
	lineOff := v.lay.m.lineH
	v.ShowLabelTags(true)
	if !v.LabelTagsShown() {
		t.Fatal("LabelTagsShown is false")
	}
	r := rendererOf(v)
	if len(r.tags) != 3 {
		t.Fatalf("%d tags, want 3", len(r.tags))
	}
	if v.lay.m.lineH <= lineOff {
		t.Errorf("line height %v with tags, %v without: no room made", v.lay.m.lineH, lineOff)
	}
	byID := map[string]labelTag{}
	for _, tg := range r.tags {
		byID[tg.span] = tg
	}
	for _, s := range spans {
		tg, ok := byID[s.ID]
		if !ok {
			t.Fatalf("no tag for span %s", s.ID)
		}
		if want := v.labelName(s.LabelID); tg.name.Text != want {
			t.Errorf("tag of %s says %q, want %q", s.ID, tg.name.Text, want)
		}
		start := v.PositionOf(s.Start)
		if tg.chip.Position().Y+tg.chip.Size().Height > start.Y {
			t.Errorf("tag of %s reaches y=%v, into the text at %v", s.ID, tg.chip.Position().Y+tg.chip.Size().Height, start.Y)
		}
		if tg.chip.Position().X < start.X-0.5 || tg.chip.Position().X > start.X+80 {
			t.Errorf("tag of %s at x=%v, not at its start %v", s.ID, tg.chip.Position().X, start.X)
		}
		if tg.name.TextSize >= v.lay.m.size {
			t.Errorf("tag text size %v is not smaller than the text's %v", tg.name.TextSize, v.lay.m.size)
		}
	}
	a, b := byID["outer"].chip, byID["minister"].chip
	if a.Position().X+a.Size().Width > b.Position().X && b.Position().X+b.Size().Width > a.Position().X {
		t.Errorf("tags of spans starting together overlap: [%v, %v] and [%v, %v]",
			a.Position().X, a.Position().X+a.Size().Width, b.Position().X, b.Position().X+b.Size().Width)
	}
	// The bars of the two nested spans are still in two rows.
	barY := map[float32]bool{}
	for _, c := range []string{"#F0E442", "#0072B2"} {
		for _, rc := range rectsOf(v, c) {
			if rc.Size().Height == v.lay.m.bar {
				barY[rc.Position().Y] = true
			}
		}
	}
	if len(barY) < 2 {
		t.Errorf("nested spans' bars in %d rows, want 2", len(barY))
	}
	v.ShowLabelTags(false)
	if n := len(rendererOf(v).tags); n != 0 || v.lay.m.lineH != lineOff {
		t.Errorf("after turning tags off: %d tags, line height %v (was %v)", n, v.lay.m.lineH, lineOff)
	}
}

// TestLabelTagsLegible: a chip is opaque, so the theme behind it does not
// matter, and its text contrasts with it by at least WCAG's 4.5:1.
func TestLabelTagsLegible(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	v.ShowLabelTags(true)
	for _, tg := range rendererOf(v).tags {
		fill := color.NRGBAModel.Convert(tg.chip.FillColor).(color.NRGBA)
		if fill.A != 0xff {
			t.Errorf("tag of %s is not opaque: %v", tg.span, fill)
		}
		if c := contrast(fill, tg.name.Color); c < 4.5 {
			t.Errorf("tag of %s: contrast %.2f between %v and %v, want >= 4.5", tg.span, c, fill, tg.name.Color)
		}
	}
}

// TestNoteMarkers: a span with a note gets a dot at its end; the others
// none. The dot is drawn with or without tags.
func TestNoteMarkers(t *testing.T) {
	text, spans, labels := tagTestDoc(t)
	v, _ := newView(t, text, spans, labels)
	for _, tags := range []bool{false, true} {
		v.ShowLabelTags(tags)
		notes := rendererOf(v).notes
		if len(notes) != 1 || notes[0].span != "outer" {
			t.Fatalf("tags=%v: note markers %v, want one for the span with a note", tags, notes)
		}
		dot := notes[0].dot
		end := v.PositionOf(spans[0].End)
		if cx := dot.Position().X + dot.Size().Width/2; math.Abs(float64(cx-end.X)) > 1 {
			t.Errorf("tags=%v: note marker centred at x=%v, span ends at %v", tags, cx, end.X)
		}
		if dot.Position().Y < end.Y+v.lay.m.textH-0.5 {
			t.Errorf("tags=%v: note marker at y=%v covers the text (bottom %v)", tags, dot.Position().Y, end.Y+v.lay.m.textH)
		}
	}
}

// TestArrowsWithTags: with the taller lines of label tags, Up and Down still
// move the caret by exactly one line.
func TestArrowsWithTags(t *testing.T) {
	v, w := newView(t, "first line\nsecond line\nthird line", nil, nil)
	w.Canvas().Focus(v)
	v.ShowLabelTags(true)
	hold(v, 0)
	v.SetSelection(2, 2)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s, _ := v.Selection(); s < 11 || s > 22 {
		t.Errorf("Down from 2 went to %d, want the second line [11, 22]", s)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s, _ := v.Selection(); s < 23 {
		t.Errorf("a second Down went to %d, want the third line [23, 33]", s)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if s, _ := v.Selection(); s > 10 {
		t.Errorf("Up twice went back to %d, want the first line [0, 10]", s)
	}
}
