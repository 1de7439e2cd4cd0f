package textview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate"
)

// pressShiftOnly sends the view the key-down of a shift key the way the
// desktop driver would, if the view listens for it, and never the key-up:
// that went to a dialog opened with Ctrl+Shift (issue 15, defect 1).
func pressShiftOnly(v *TextView) {
	if k, ok := fyne.Focusable(v).(desktop.Keyable); ok {
		k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
}

// TestStaleShiftDoesNotExtendClicks: after a shift key-down whose key-up
// went elsewhere, a plain click places the caret and reports the span under
// it instead of extending (and so resizing) the selected span; a click whose
// event carries shift still extends.
func TestStaleShiftDoesNotExtendClicks(t *testing.T) {
	text := "Senior officials from Moscow met analysts in Beijing today."
	labels := []*annotate.Label{{ID: "actor", Name: "actor", Color: "#56B4E9"}}
	moscow := cpOf(t, text, "Moscow")
	spans := []*annotate.Span{{ID: "s1", Start: moscow, End: moscow + 6, LabelID: "actor"}}
	v, w := newView(t, text, spans, labels)
	w.Canvas().Focus(v)
	var tapped []string
	v.OnSpanTapped = func(id string) { tapped = append(tapped, id) }
	v.SetSelectedSpan("s1")
	v.SetSelection(moscow, moscow+6)

	pressShiftOnly(v)
	later := cpOf(t, text, "analysts")
	v.MouseDown(primary(mid(v, later+2), 0))
	v.MouseUp(primary(mid(v, later+2), 0))
	if s, e := v.Selection(); s != e {
		t.Fatalf("a plain click after a lost shift key-up selected [%d, %d) %q", s, e, v.Runes()[s:e])
	}
	if len(tapped) != 1 || tapped[0] != "" {
		t.Errorf("OnSpanTapped calls = %q, want one with \"\"", tapped)
	}

	// A plain click with no selection does not extend either.
	v.SetSelection(0, 0)
	v.MouseDown(primary(mid(v, later+2), 0))
	v.MouseUp(primary(mid(v, later+2), 0))
	if s, e := v.Selection(); s != e {
		t.Fatalf("a plain click from the caret selected [%d, %d)", s, e)
	}

	// Shift on the event extends.
	v.SetSelection(moscow, moscow+6)
	v.MouseDown(primary(mid(v, later+2), fyne.KeyModifierShift))
	v.MouseUp(primary(mid(v, later+2), fyne.KeyModifierShift))
	if s, e := v.Selection(); s != moscow || e != later+len("analysts") {
		t.Errorf("shift+click selected [%d, %d) %q, want [%d, %d)", s, e, v.Runes()[s:e], moscow, later+8)
	}
}

// TestStaleShiftDoesNotExtendArrows: arrows read shift from the modifiers
// of their own key event, so a lost key-up does not leave them extending.
func TestStaleShiftDoesNotExtendArrows(t *testing.T) {
	v, w := newView(t, "Moscow and Beijing met.", nil, nil)
	w.Canvas().Focus(v)
	hold(v, 0)
	v.SetSelection(7, 7)
	pressShiftOnly(v)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != 8 || e != 8 {
		t.Errorf("Right after a lost shift key-up gave [%d, %d), want the caret at 8", s, e)
	}
	hold(v, fyne.KeyModifierShift)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s == e {
		t.Errorf("Right with shift held did not extend: [%d, %d)", s, e)
	}
}
