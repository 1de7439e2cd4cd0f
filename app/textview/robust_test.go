package textview

import (
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func TestEmptyDocumentAndTinySizes(t *testing.T) {
	v, w := newView(t, "", nil, nil)
	if got := v.OffsetAt(fyne.NewPos(50, 50)); got != 0 {
		t.Errorf("OffsetAt on empty text = %d", got)
	}
	v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(5, 5)})
	v.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(5, 5)})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := v.Selection(); s != 0 || e != 0 {
		t.Errorf("selection [%d, %d) in empty text", s, e)
	}
	v.SetDocument("some words\r\n\r\nand more", nil, nil)
	for _, size := range []fyne.Size{{Width: 1, Height: 1}, {Width: 30, Height: 10}, {Width: 0, Height: 0}, {Width: 600, Height: 400}} {
		w.Resize(size)
		v.Resize(size)
		v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -50}})
		v.OffsetAt(fyne.NewPos(10, 10))
		v.PositionOf(5)
		v.ScrollToOffset(20)
	}
	if got := v.OffsetAt(v.PositionOf(12)); got != 12 {
		t.Errorf("empty line offset %d, want 12", got)
	}
}

// TestRandomInteraction drives the view with random documents, sizes and
// input, checking that the selection always lies on grapheme boundaries.
func TestRandomInteraction(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"word ", "Officials ", "\r\n", "\n", "北京", "cafe\u0301 ", "👨‍👩‍👧", "Москва ", "\t", "“q” ",
		strings.Repeat("long", 30), "الصين ", "\n\n", "🇫🇷", " "}
	for round := 0; round < 20; round++ {
		var b strings.Builder
		for i := rng.Intn(600); i > 0; i-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		n := unitext.RuneLen(text)
		var spans []*annotate.Span
		for i := rng.Intn(30); i > 0 && n > 0; i-- {
			s := rng.Intn(n)
			spans = append(spans, &annotate.Span{ID: string(rune('a' + i)), Start: s, End: min(n, s+1+rng.Intn(40)), LabelID: "L"})
		}
		labels := []*annotate.Label{{ID: "L", Name: "x", Color: "#D55E00"}}
		v, w := newView(t, text, spans, labels)
		breaks := map[int]bool{}
		for _, x := range unitext.GraphemeBreaks(text) {
			breaks[x] = true
		}
		randPos := func() fyne.Position {
			return fyne.NewPos(rng.Float32()*v.Size().Width*1.2-10, rng.Float32()*v.Size().Height*1.4-40)
		}
		for step := 0; step < 60; step++ {
			switch rng.Intn(10) {
			case 0:
				w.Resize(fyne.NewSize(80+rng.Float32()*700, 60+rng.Float32()*500))
			case 1:
				v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: rng.Float32()*600 - 300}})
			case 2:
				v.MouseDown(primary(randPos(), 0))
				v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: randPos()}})
				v.DragEnd()
				v.MouseUp(primary(randPos(), 0))
			case 3:
				v.DoubleTapped(&fyne.PointEvent{Position: randPos()})
			case 4:
				hold(v, fyne.KeyModifierShift)
				keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd}
				v.TypedKey(&fyne.KeyEvent{Name: keys[rng.Intn(len(keys))]})
				hold(v, 0)
			case 5:
				v.Tapped(&fyne.PointEvent{Position: randPos()})
			case 6:
				v.SetSnapToWords(rng.Intn(2) == 0)
				v.MouseDown(primary(randPos(), fyne.KeyModifierShift))
			case 7:
				v.ScrollToOffset(rng.Intn(n + 1))
			case 8:
				v.SetTextScale(0.5 + rng.Float32()*2)
			case 9:
				v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			}
			s, e := v.Selection()
			if s < 0 || s > e || e > n || !breaks[s] || !breaks[e] {
				t.Fatalf("round %d step %d: selection [%d, %d) of %d, not on grapheme boundaries", round, step, s, e, n)
			}
			for _, o := range texts(v) {
				if strings.ContainsAny(o.Text, "\r\n\t") {
					t.Fatalf("drawn text %q", o.Text)
				}
			}
		}
	}
}
