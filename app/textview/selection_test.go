package textview

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate/unitext"
)

func TestDragSelectsFixtureSpans(t *testing.T) {
	text, spans := readFixture(t)
	v, w := newView(t, text, nil, nil)
	runes := v.Runes()
	for _, snap := range []bool{false, true} {
		v.SetSnapToWords(snap)
		for _, sp := range spans {
			var gotS, gotE int
			v.OnSelectionChanged = func(s, e int) { gotS, gotE = s, e }
			if rtl(sp.Text) {
				// A right-to-left span is dragged, as a person does, from
				// inside its visual right edge to inside its visual left edge
				// (where the runs meet, each edge is also the position of
				// the neighbouring left-to-right offset).
				p1 := v.PositionOf(sp.Start)
				dragPoints(v, w, fyne.NewPos(p1.X-1, p1.Y), fyne.NewPos(leftEdge(v, sp.Text, p1.Y)+1, p1.Y))
			} else {
				dragSelect(v, w, sp.Start, sp.End)
			}
			s, e := v.Selection()
			if s != sp.Start || e != sp.End {
				t.Errorf("snap=%v: drag over %q selected [%d, %d), want [%d, %d)", snap, sp.Text, s, e, sp.Start, sp.End)
				continue
			}
			if got := string(runes[s:e]); got != sp.Text {
				t.Errorf("snap=%v: selected %q, want %q", snap, got, sp.Text)
			}
			if gotS != s || gotE != e {
				t.Errorf("snap=%v: OnSelectionChanged got [%d, %d), want [%d, %d)", snap, gotS, gotE, s, e)
			}
		}
	}
}

// rtl reports whether s has Hebrew or Arabic letters.
func rtl(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hebrew, unicode.Arabic) {
			return true
		}
	}
	return false
}

// leftEdge is the smallest x of the text objects at line y that are words
// of s: the visual left edge of a right-to-left run.
func leftEdge(v *TextView, s string, y float32) float32 {
	left := float32(math.MaxFloat32)
	for _, t := range texts(v) {
		if w := strings.TrimSpace(t.Text); w != "" && strings.Contains(s, w) && t.Position().Y <= y+1 && t.Position().Y+t.Size().Height >= y {
			left = min(left, t.Position().X)
		}
	}
	return left
}

func TestDragBackwards(t *testing.T) {
	text, spans := readFixture(t)
	v, w := newView(t, text, nil, nil)
	v.SetSnapToWords(false)
	sp := spans[1]
	dragSelect(v, w, sp.End, sp.Start)
	if s, e := v.Selection(); s != sp.Start || e != sp.End {
		t.Errorf("backward drag selected [%d, %d), want [%d, %d)", s, e, sp.Start, sp.End)
	}
}

func TestDragNeverSplitsGraphemes(t *testing.T) {
	text, _ := readFixture(t)
	v, w := newView(t, text, nil, nil)
	v.SetSnapToWords(false)
	family := cpOf(t, text, "👨")
	// Drag from inside the family emoji, on its right half, to its left.
	p := v.PositionOf(family)
	q := v.PositionOf(family + 5)
	v.MouseDown(primary(fyne.NewPos(p.X+(q.X-p.X)*0.3, p.Y), 0))
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(q.X+1, q.Y)}})
	v.DragEnd()
	s, e := v.Selection()
	breaks := map[int]bool{}
	for _, b := range unitext.GraphemeBreaks(text) {
		breaks[b] = true
	}
	if !breaks[s] || !breaks[e] {
		t.Errorf("selection [%d, %d) splits a grapheme cluster", s, e)
	}
	_ = w
}

func TestDoubleClickSelectsWord(t *testing.T) {
	text, _ := readFixture(t)
	v, _ := newView(t, text, nil, nil)
	tests := []struct{ at, want string }{
		{"artnership", "partnership"},
		{"京", "北京"},
		{"осква", "Москва"},
		{"fe\u0301", "cafe\u0301"},
		{"2027", "2027"},
	}
	for _, tt := range tests {
		cp := cpOf(t, text, tt.at)
		v.DoubleTapped(&fyne.PointEvent{Position: mid(v, cp)})
		s, e := v.Selection()
		if got := string(v.Runes()[s:e]); got != tt.want {
			t.Errorf("double click at %q selected %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestShiftArrowsExtendByGrapheme(t *testing.T) {
	text, _ := readFixture(t)
	v, w := newView(t, text, nil, nil)
	v.SetSnapToWords(false) // with snapping, shift+arrows move by words
	w.Canvas().Focus(v)
	family := cpOf(t, text, "👨")
	v.SetSelection(family, family)
	hold(v, fyne.KeyModifierShift)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != family || e != family+5 {
		t.Fatalf("shift+Right over the family emoji selected [%d, %d), want [%d, %d)", s, e, family, family+5)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != family || e != family+6 {
		t.Fatalf("second shift+Right selected [%d, %d), want [%d, %d)", s, e, family, family+6)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if s, e := v.Selection(); s != family-1 || e != family {
		t.Fatalf("shift+Left back past the anchor selected [%d, %d), want [%d, %d)", s, e, family-1, family)
	}
	// CRLF is one cluster: extending over a line end takes both.
	crlf := strings.Index(text, "\r\n")
	cr := unitext.RuneLen(text[:crlf])
	hold(v, 0)
	v.SetSelection(cr, cr)
	hold(v, fyne.KeyModifierShift)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != cr || e != cr+2 {
		t.Errorf("shift+Right over CRLF selected [%d, %d), want [%d, %d)", s, e, cr, cr+2)
	}
	// shift+Down extends by a line.
	v.SetSelection(0, 0)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s, e := v.Selection(); s != 0 || e <= cr {
		t.Errorf("shift+Down from the start selected [%d, %d), want past the first line end %d", s, e, cr)
	}
	hold(v, 0)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != e {
		t.Errorf("Right without shift left a selection [%d, %d)", s, e)
	}
}

func TestShiftClickExtends(t *testing.T) {
	text, _ := readFixture(t)
	v, _ := newView(t, text, nil, nil)
	start := cpOf(t, text, "Officials")
	end := cpOf(t, text, "stable")
	v.MouseDown(primary(v.PositionOf(start), 0))
	v.MouseUp(primary(v.PositionOf(start), 0))
	v.MouseDown(primary(mid(v, end+2), fyne.KeyModifierShift))
	v.MouseUp(primary(mid(v, end+2), fyne.KeyModifierShift))
	s, e := v.Selection()
	if got := string(v.Runes()[s:e]); got != "Officials said “the partnership is stable" {
		t.Errorf("shift+click selected %q", got)
	}
	// The selection can shrink back.
	v.MouseDown(primary(mid(v, cpOf(t, text, "said")+1), fyne.KeyModifierShift))
	s, e = v.Selection()
	if got := string(v.Runes()[s:e]); got != "Officials said" {
		t.Errorf("shift+click back selected %q", got)
	}
}

func TestSnapExtendsPartialWords(t *testing.T) {
	text, _ := readFixture(t)
	v, w := newView(t, text, nil, nil)
	v.SetSnapToWords(true)
	dragSelect(v, w, cpOf(t, text, "rtnership"), cpOf(t, text, "able”"))
	s, e := v.Selection()
	if got := string(v.Runes()[s:e]); got != "partnership is stable" {
		t.Errorf("snapped selection is %q", got)
	}
	v.SetSnapToWords(false)
	dragSelect(v, w, cpOf(t, text, "rtnership"), cpOf(t, text, "able”"))
	s, e = v.Selection()
	if got := string(v.Runes()[s:e]); got != "rtnership is st" {
		t.Errorf("unsnapped selection is %q", got)
	}
}

func TestTapClearsSelection(t *testing.T) {
	text, _ := readFixture(t)
	v, _ := newView(t, text, nil, nil)
	v.SetSelection(3, 20)
	var tapped []string
	v.OnSpanTapped = func(id string) { tapped = append(tapped, id) }
	v.Tapped(&fyne.PointEvent{Position: mid(v, 30)})
	if s, e := v.Selection(); s != e {
		t.Errorf("tap left selection [%d, %d)", s, e)
	}
	if len(tapped) != 1 || tapped[0] != "" {
		t.Errorf("OnSpanTapped calls = %q, want one with \"\"", tapped)
	}
}

func TestSelectAllAndCopy(t *testing.T) {
	text, _ := readFixture(t)
	v, _ := newView(t, text, nil, nil)
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := v.Selection(); s != 0 || e != len(v.Runes()) {
		t.Errorf("select all gave [%d, %d)", s, e)
	}
	v.SetSelection(9, 18)
	cb := fyne.CurrentApp().Clipboard()
	v.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "Officials" {
		t.Errorf("copied %q", got)
	}
	var forwarded fyne.Shortcut
	v.OnShortcut = func(s fyne.Shortcut) { forwarded = s }
	v.TypedShortcut(&fyne.ShortcutUndo{})
	if _, ok := forwarded.(*fyne.ShortcutUndo); !ok {
		t.Errorf("undo not forwarded: %v", forwarded)
	}
}

func TestKeysForwarded(t *testing.T) {
	v, _ := newView(t, "some text here", nil, nil)
	var keys []fyne.KeyName
	var runes []rune
	v.OnTypedKey = func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) }
	v.OnTypedRune = func(r rune) { runes = append(runes, r) }
	v.TypedRune('1')
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	v.SetSelection(0, 4)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // clears the selection
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // nothing to clear: forwarded
	if string(runes) != "1" {
		t.Errorf("runes forwarded: %q", string(runes))
	}
	if len(keys) != 2 || keys[0] != fyne.KeyDelete || keys[1] != fyne.KeyEscape {
		t.Errorf("keys forwarded: %v", keys)
	}
	if s, e := v.Selection(); s != e {
		t.Errorf("Escape left selection [%d, %d)", s, e)
	}
}

// TestAltShiftArrowsMoveTheStart: Alt+Shift+Left/Right move the start of a
// selection and keep its end; plain Shift+arrows move the end.
func TestAltShiftArrowsMoveTheStart(t *testing.T) {
	v, w := newView(t, "Moscow and Beijing met.", nil, nil)
	w.Canvas().Focus(v)
	v.SetSelection(11, 18) // "Beijing"
	hold(v, fyne.KeyModifierShift|fyne.KeyModifierAlt)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if s, e := v.Selection(); s != 10 || e != 18 {
		t.Fatalf("Alt+Shift+Left: [%d, %d), want [10, 18)", s, e)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != 12 || e != 18 {
		t.Fatalf("Alt+Shift+Right twice: [%d, %d), want [12, 18)", s, e)
	}
	hold(v, fyne.KeyModifierShift)
	v.SetSnapToWords(false) // with snapping, shift+arrows move by words
	v.SetSelection(11, 18)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != 11 || e != 19 {
		t.Fatalf("Shift+Right: [%d, %d), want [11, 19)", s, e)
	}
}

// TestAltShiftArrowShortcut: the desktop driver sends Alt+Shift+arrows as a
// shortcut; it moves the start of the selection too.
func TestAltShiftArrowShortcut(t *testing.T) {
	v, w := newView(t, "Moscow and Beijing met.", nil, nil)
	w.Canvas().Focus(v)
	v.SetSelection(11, 18)
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift})
	if s, e := v.Selection(); s != 10 || e != 18 {
		t.Fatalf("Alt+Shift+Left shortcut: [%d, %d), want [10, 18)", s, e)
	}
}
