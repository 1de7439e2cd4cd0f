package app_test

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/assets"
)

func TestStartShowsFirstDocument(t *testing.T) {
	g, _ := newGloss(t)
	if got, want := g.Window().Title(), "Gloss — test — "+assets.SampleTitle; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if g.Document() == nil || g.Document().Title != assets.SampleTitle {
		t.Fatalf("document shown: %+v", g.Document())
	}
	if g.Window().Canvas().Focused() != fyne.Focusable(g.View()) {
		t.Error("the text view should have focus, ready for hotkeys")
	}
}

func TestHotkeyCreatesSpan(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	if st, en := g.View().Selection(); st != wordStart || en != wordEnd {
		t.Fatalf("drag selected [%d, %d), want [%d, %d)", st, en, wordStart, wordEnd)
	}
	test.Type(g.View(), "1")

	got := spans(t, s, doc.ID)
	if len(got) != 1 {
		t.Fatalf("project has %d spans, want 1", len(got))
	}
	sp := got[0]
	if sp.Start != wordStart || sp.End != wordEnd || sp.LabelID != label(t, s, "actor").ID {
		t.Errorf("span %+v, want actor [%d, %d)", sp, wordStart, wordEnd)
	}
	if g.SelectedSpan() != sp.ID || g.EditorSpan() == nil {
		t.Error("the new span should be selected and shown in the side panel")
	}
	if d, _ := s.Document(doc.ID); d.Status != annotate.StatusInProgress {
		t.Errorf("document status %q after the first span, want in-progress", d.Status)
	}
	if rows := g.SpanRows(); !reflect.DeepEqual(rows, []string{"Consequently"}) {
		t.Errorf("spans panel %q", rows)
	}

	// The same key on the selected span changes nothing; another relabels it.
	test.Type(g.View(), "2")
	got = spans(t, s, doc.ID)
	if len(got) != 1 || got[0].LabelID != label(t, s, "claim").ID {
		t.Fatalf("after key 2 on the selected span: %+v, want one claim span", got)
	}
}

func TestHotkeyWithoutSelectionDoesNothing(t *testing.T) {
	g, s := newGloss(t)
	test.Type(g.View(), "1")
	if n := len(spans(t, s, g.Document().ID)); n != 0 {
		t.Fatalf("a hotkey with nothing selected made %d spans", n)
	}
}

// TestAltShiftResizesSpanStart: on a selected span, Alt+Shift+Left moves
// its start and keeps its end, saved at once.
func TestAltShiftResizesSpanStart(t *testing.T) {
	g, s := newGloss(t)
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()
	g.View().TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift})
	if sp, _ := s.Span(id); sp.Start != wordStart-1 || sp.End != wordEnd {
		t.Fatalf("after alt+shift+left the span is [%d, %d), want [%d, %d)", sp.Start, sp.End, wordStart-1, wordEnd)
	}
}
