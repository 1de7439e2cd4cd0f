package app_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
)

func TestClickSelectsSpanAndDeleteRemovesIt(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	sp := annotate.NewSpan(doc.ID, wordStart, wordEnd, label(t, s, "claim").ID)
	sp.Note = "hedged"
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)

	tapText(g, 0) // plain text
	if g.SelectedSpan() != "" || g.EditorSpan() != nil {
		t.Fatal("a click on plain text selected a span")
	}
	tapText(g, wordStart+3)
	if g.SelectedSpan() != sp.ID {
		t.Fatalf("click on the span selected %q, want %q", g.SelectedSpan(), sp.ID)
	}
	ed := g.EditorSpan()
	if ed == nil || ed.ID != sp.ID || ed.Note != "hedged" {
		t.Fatalf("side panel shows %+v", ed)
	}
	if g.EditorNote().Text != "hedged" || g.EditorText() != "“Consequently”  (12 characters)" {
		t.Errorf("side panel note %q, text %q", g.EditorNote().Text, g.EditorText())
	}

	g.View().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatalf("Delete left %d spans", n)
	}
	if g.SelectedSpan() != "" || g.EditorSpan() != nil {
		t.Error("the deleted span is still selected")
	}
	g.MenuAction("Edit", "Undo")()
	if got := spans(t, s, doc.ID); len(got) != 1 || got[0].ID != sp.ID || got[0].Note != "hedged" {
		t.Fatalf("undo of delete: %+v", got)
	}
}

func TestNoteAndResizeUndo(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()

	test.Type(g.EditorNote(), "as a consequence")
	g.FlushNote()
	if sp, _ := s.Span(id); sp.Note != "as a consequence" {
		t.Fatalf("note saved as %q", sp.Note)
	}
	// Shift+Right on the selected span extends it by one character.
	g.View().TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift})
	if sp, _ := s.Span(id); sp.Start != wordStart || sp.End != wordEnd+1 {
		t.Fatalf("after shift+right the span is [%d, %d)", sp.Start, sp.End)
	}
	undo := g.MenuAction("Edit", "Undo")
	undo()
	if sp, _ := s.Span(id); sp.End != wordEnd || sp.Note != "as a consequence" {
		t.Fatalf("undo of resize: %+v", sp)
	}
	undo()
	if sp, _ := s.Span(id); sp.Note != "" {
		t.Fatalf("undo of the note (typed in one go) left %q", sp.Note)
	}
	undo()
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatal("third undo should remove the span")
	}
}

func TestUndoInNoteUndoesTyping(t *testing.T) {
	g, s := newGloss(t)
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()
	note := g.EditorNote()
	g.Window().Canvas().Focus(note)
	test.Type(note, "abc")
	g.MenuAction("Edit", "Undo")() // Ctrl+Z while the note has focus
	if note.Text == "abc" {
		t.Error("Ctrl+Z in the note did not undo the typing")
	}
	if sp, err := s.Span(id); err != nil || sp == nil {
		t.Fatalf("Ctrl+Z in the note undid the span: %v", err)
	}
}

// TestJumpBetweenSpansChangesNothing: selecting spans (a click, then a row
// of the spans list) moves the text selection onto each span in turn, and
// that selection, reported back by the view, never resizes a span.
func TestJumpBetweenSpansChangesNothing(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	a := annotate.NewSpan(doc.ID, 0, 6, label(t, s, "actor").ID)
	b := annotate.NewSpan(doc.ID, wordStart, wordEnd, label(t, s, "claim").ID)
	for _, sp := range []*annotate.Span{a, b} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	app.ReloadForTest(g)
	tapText(g, 2)
	if g.SelectedSpan() != a.ID {
		t.Fatalf("click selected %q, want the first span", g.SelectedSpan())
	}
	g.TapSpanRow(1)
	if g.SelectedSpan() != b.ID {
		t.Fatalf("the spans list selected %q, want the second span", g.SelectedSpan())
	}
	if st, en := g.View().Selection(); st != wordStart || en != wordEnd {
		t.Errorf("text selection [%d, %d), want the second span [%d, %d)", st, en, wordStart, wordEnd)
	}
	g.TapSpanRow(0)
	for _, want := range []*annotate.Span{a, b} {
		if got, err := s.Span(want.ID); err != nil || got.Start != want.Start || got.End != want.End {
			t.Errorf("span %s is %+v (%v), want [%d, %d)", want.ID, got, err, want.Start, want.End)
		}
	}
	if g.MenuItem("Edit", 0).Label != "Undo" {
		t.Errorf("selecting spans made an edit: the menu says %q", g.MenuItem("Edit", 0).Label)
	}
	// The first Escape collapses the text selection, the second unselects the span.
	g.View().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if st, en := g.View().Selection(); st != en {
		t.Errorf("Escape left [%d, %d) selected", st, en)
	}
	g.View().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if g.SelectedSpan() != "" || g.EditorSpan() != nil {
		t.Error("a second Escape left a span selected")
	}
	if got, _ := s.Span(a.ID); got.Start != a.Start || got.End != a.End {
		t.Errorf("Escape changed the span to [%d, %d)", got.Start, got.End)
	}
}
