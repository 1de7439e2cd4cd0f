package textview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

const navText = "Senior officials from Moscow met.\nThey talked about the pipeline and sanctions."

func key(v *TextView, name fyne.KeyName, mods fyne.KeyModifier) {
	hold(v, mods)
	v.TypedKey(&fyne.KeyEvent{Name: name})
}

// shortcut sends a key with Ctrl or Alt the way the desktop driver does: as
// a custom shortcut.
func shortcut(v *TextView, name fyne.KeyName, mods fyne.KeyModifier) {
	hold(v, mods)
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mods})
}

func selected(v *TextView) string {
	s, e := v.Selection()
	return string(v.Runes()[s:e])
}

// TestShiftArrowsSnapToWords: with word snapping on, Shift+Left/Right move
// by whole words, so a keyboard selection never ends inside a word (issue
// 15, defect 11: "Senior officials fro" was saved); with snapping off they
// move by one character.
func TestShiftArrowsSnapToWords(t *testing.T) {
	v, w := newView(t, navText, nil, nil)
	w.Canvas().Focus(v)
	runes := v.Runes()
	v.SetSelection(0, cpOf(t, navText, " Moscow"))
	key(v, fyne.KeyLeft, fyne.KeyModifierShift)
	if got := selected(v); got != "Senior officials" {
		t.Errorf("Shift+Left from \"Senior officials from\" selected %q, want \"Senior officials\"", got)
	}
	key(v, fyne.KeyRight, fyne.KeyModifierShift)
	key(v, fyne.KeyRight, fyne.KeyModifierShift)
	if got := selected(v); got != "Senior officials from Moscow" {
		t.Errorf("Shift+Right twice selected %q, want \"Senior officials from Moscow\"", got)
	}
	for i := 0; i < 12; i++ {
		key(v, fyne.KeyLeft, fyne.KeyModifierShift)
		s, e := v.Selection()
		if ws, we := unitext.SnapToWords(runes, s, e); s != e && (ws != s || we != e) {
			t.Fatalf("after %d Shift+Left the selection %q splits a word", i+1, string(runes[s:e]))
		}
	}
	// Shift+Down ends on a word boundary too.
	v.SetSelection(0, 0)
	key(v, fyne.KeyDown, fyne.KeyModifierShift)
	s, e := v.Selection()
	if ws, we := unitext.SnapToWords(runes, s, e); s == e || ws != s || we != e {
		t.Errorf("Shift+Down selected %q, not whole words", string(runes[s:e]))
	}

	v.SetSnapToWords(false)
	v.SetSelection(0, cpOf(t, navText, " Moscow"))
	key(v, fyne.KeyLeft, fyne.KeyModifierShift)
	if got := selected(v); got != "Senior officials fro" {
		t.Errorf("without snapping Shift+Left selected %q, want \"Senior officials fro\"", got)
	}
}

// TestShiftArrowsResizeSelectedSpanByCharacter: on the selected span,
// Shift+Right still moves its end by one character, as documented for
// resizing.
func TestShiftArrowsResizeSelectedSpanByCharacter(t *testing.T) {
	moscow := cpOf(t, navText, "Moscow")
	spans := []*annotate.Span{{ID: "s1", Start: moscow, End: moscow + 6, LabelID: "actor"}}
	v, w := newView(t, navText, spans, nil)
	w.Canvas().Focus(v)
	v.SetSelection(moscow, moscow+6)
	v.SetSelectedSpan("s1")
	key(v, fyne.KeyRight, fyne.KeyModifierShift)
	if s, e := v.Selection(); s != moscow || e != moscow+7 {
		t.Errorf("Shift+Right on the selected span gave [%d, %d), want [%d, %d)", s, e, moscow, moscow+7)
	}
}

func TestCtrlArrowsMoveByWord(t *testing.T) {
	v, w := newView(t, navText, nil, nil)
	w.Canvas().Focus(v)
	v.SetSelection(0, 0)
	var carets []int
	for i := 0; i < 4; i++ {
		shortcut(v, fyne.KeyRight, fyne.KeyModifierControl)
		s, e := v.Selection()
		if s != e {
			t.Fatalf("Ctrl+Right selected [%d, %d)", s, e)
		}
		carets = append(carets, s)
	}
	want := []int{6, 16, 21, 28} // ends of Senior, officials, from, Moscow
	for i := range want {
		if carets[i] != want[i] {
			t.Fatalf("Ctrl+Right carets %v, want %v", carets, want)
		}
	}
	shortcut(v, fyne.KeyLeft, fyne.KeyModifierControl)
	shortcut(v, fyne.KeyLeft, fyne.KeyModifierControl)
	if s, _ := v.Selection(); s != 17 {
		t.Errorf("Ctrl+Left twice from 28 put the caret at %d, want 17 (start of \"from\")", s)
	}
	// Ctrl+Shift extends by word.
	v.SetSelection(0, 0)
	shortcut(v, fyne.KeyRight, fyne.KeyModifierControl|fyne.KeyModifierShift)
	shortcut(v, fyne.KeyRight, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if got := selected(v); got != "Senior officials" {
		t.Errorf("Ctrl+Shift+Right twice selected %q", got)
	}
	shortcut(v, fyne.KeyLeft, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if got := selected(v); got != "Senior" {
		t.Errorf("then Ctrl+Shift+Left selected %q", got)
	}
}

func TestHomeEndAndDocumentEdges(t *testing.T) {
	v, w := newView(t, navText, nil, nil)
	w.Canvas().Focus(v)
	second := cpOf(t, navText, "They")
	talked := cpOf(t, navText, "alked")
	v.SetSelection(talked, talked)
	key(v, fyne.KeyHome, 0)
	if s, e := v.Selection(); s != second || e != second {
		t.Errorf("Home put the caret at [%d, %d), want %d", s, e, second)
	}
	key(v, fyne.KeyEnd, 0)
	if s, _ := v.Selection(); s != len(v.Runes()) {
		t.Errorf("End put the caret at %d, want the line end %d", s, len(v.Runes()))
	}
	key(v, fyne.KeyHome, fyne.KeyModifierShift)
	if got := selected(v); got != "They talked about the pipeline and sanctions." {
		t.Errorf("Shift+Home selected %q", got)
	}
	v.SetSelection(talked, talked)
	shortcut(v, fyne.KeyHome, fyne.KeyModifierControl)
	if s, e := v.Selection(); s != 0 || e != 0 {
		t.Errorf("Ctrl+Home gave [%d, %d), want the caret at 0", s, e)
	}
	shortcut(v, fyne.KeyEnd, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if s, e := v.Selection(); s != 0 || e != len(v.Runes()) {
		t.Errorf("Ctrl+Shift+End gave [%d, %d), want all", s, e)
	}
	shortcut(v, fyne.KeyEnd, fyne.KeyModifierControl)
	if s, e := v.Selection(); s != len(v.Runes()) || e != s {
		t.Errorf("Ctrl+End gave [%d, %d), want the caret at the end", s, e)
	}
}

// nested returns a text with three nested spans over "China".
func nested(t *testing.T) (string, []*annotate.Span) {
	text := "The Foreign Minister of China spoke."
	a, c := cpOf(t, text, "Foreign"), cpOf(t, text, "China")
	m := cpOf(t, text, "Minister")
	return text, []*annotate.Span{
		{ID: "outer", Start: a, End: c + 5, LabelID: "claim"},
		{ID: "middle", Start: m, End: c + 5, LabelID: "actor"},
		{ID: "inner", Start: c, End: c + 5, LabelID: "actor"},
	}
}

// TestClickAgainCyclesOverlappingSpans: a click picks the innermost span; a
// second click on the same character picks the next one out, wrapping.
func TestClickAgainCyclesOverlappingSpans(t *testing.T) {
	text, spans := nested(t)
	v, _ := newView(t, text, spans, nil)
	var got []string
	v.OnSpanTapped = func(id string) { got = append(got, id); v.SetSelectedSpan(id) }
	at := mid(v, cpOf(t, text, "hina"))
	for i := 0; i < 4; i++ {
		v.MouseDown(primary(at, 0))
		v.MouseUp(primary(at, 0))
		v.lastClick = v.lastClick.Add(-time.Second) // the next click is no double click
	}
	want := []string{"inner", "middle", "outer", "inner"}
	if len(got) != len(want) {
		t.Fatalf("OnSpanTapped calls %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("OnSpanTapped calls %q, want %q", got, want)
		}
	}
	// The two clicks of a double click do not cycle.
	got = nil
	v.MouseDown(primary(at, 0))
	v.MouseUp(primary(at, 0))
	if got[0] != "middle" {
		t.Fatalf("a later click gave %q, want middle", got[0])
	}
	v.MouseDown(primary(at, 0))
	v.MouseUp(primary(at, 0))
	if got[1] != "middle" {
		t.Errorf("the second click of a double click gave %q, want middle again", got[1])
	}
	// A click elsewhere starts again from the innermost.
	v.lastClick = time.Time{}
	v.MouseDown(primary(mid(v, cpOf(t, text, "inister")), 0))
	v.MouseUp(primary(mid(v, cpOf(t, text, "inister")), 0))
	if got[2] != "middle" {
		t.Errorf("a click on \"Minister\" gave %q, want middle (the innermost there)", got[2])
	}
}

// TestTabCyclesOverlappingSpans: after a click on nested spans Tab picks
// the next span out and Shift+Tab the next in; on plain text Tab is not
// taken.
func TestTabCyclesOverlappingSpans(t *testing.T) {
	text, spans := nested(t)
	v, w := newView(t, text, spans, nil)
	w.Canvas().Focus(v)
	var got []string
	v.OnSpanTapped = func(id string) { got = append(got, id); v.SetSelectedSpan(id) }
	var forwarded []fyne.KeyName
	v.OnTypedKey = func(ev *fyne.KeyEvent) { forwarded = append(forwarded, ev.Name) }
	v.Tapped(&fyne.PointEvent{Position: mid(v, cpOf(t, text, "hina"))})
	if !v.AcceptsTab() {
		t.Fatal("AcceptsTab is false on three nested spans")
	}
	key(v, fyne.KeyTab, 0)
	key(v, fyne.KeyTab, 0)
	key(v, fyne.KeyTab, 0)
	key(v, fyne.KeyTab, fyne.KeyModifierShift)
	want := []string{"inner", "middle", "outer", "inner", "outer"}
	if len(got) != len(want) {
		t.Fatalf("OnSpanTapped calls %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("OnSpanTapped calls %q, want %q", got, want)
		}
	}
	if v.SelectedSpan() != "outer" {
		t.Errorf("selected span %q, want outer", v.SelectedSpan())
	}
	v.Tapped(&fyne.PointEvent{Position: mid(v, cpOf(t, text, "poke"))})
	if v.AcceptsTab() {
		t.Error("AcceptsTab is true on plain text")
	}
	key(v, fyne.KeyTab, 0)
	if len(forwarded) != 1 || forwarded[0] != fyne.KeyTab {
		t.Errorf("Tab on plain text forwarded %v, want [Tab]", forwarded)
	}
}
