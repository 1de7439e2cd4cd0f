package app_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestUndoDeleteLabel: a label deleted with its spans moved comes back with
// Ctrl+Z, spans and all, and the Edit menu names the edit (issue 15,
// defect 7). The deletion is confirmed with Enter, as a keyboard user would.
func TestUndoDeleteLabel(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	actor := label(t, s, "actor")

	ed := g.OpenLabelEditor()
	ed.Select("actor")
	ed.ConfirmDelete()
	if g.Overlay() == nil {
		t.Fatal("no delete dialog")
	}
	g.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.Overlay() != nil {
		t.Fatal("Enter left the delete dialog open")
	}
	if _, err := s.LabelByName("actor"); err == nil {
		t.Fatal("Enter did not delete the label")
	}
	if got := g.MenuItem("Edit", 0).Label; got != `Undo delete label "actor"` {
		t.Errorf("Edit menu says %q", got)
	}
	g.MenuAction("Edit", "Undo")()
	if g.Overlay() != nil {
		t.Fatal("undo showed a dialog (an error?)")
	}
	back := label(t, s, "actor")
	if back.ID != actor.ID || back.Color != actor.Color || back.Hotkey != actor.Hotkey {
		t.Errorf("label after undo %+v, want %+v", back, actor)
	}
	got := spans(t, s, doc.ID)
	if len(got) != 1 || got[0].LabelID != actor.ID {
		t.Fatalf("spans after undo: %+v", got)
	}
	if _, state := g.StatusText(); !strings.Contains(state, `undid delete label "actor"`) {
		t.Errorf("status says %q", state)
	}
	if rows := g.SpanRows(); len(rows) != 1 || rows[0] != "Consequently" {
		t.Errorf("spans panel after undo: %v", rows)
	}
	// the span edit before it undoes as usual
	g.MenuAction("Edit", "Undo")()
	if n := len(spans(t, s, doc.ID)); n != 0 || g.Overlay() != nil {
		t.Errorf("second undo: %d spans left, dialog %v", n, g.Overlay() != nil)
	}
}

// TestUndoRenameLabel: a rename through the label editor is undone by Undo.
func TestUndoRenameLabel(t *testing.T) {
	g, s := newGloss(t)
	ed := g.OpenLabelEditor()
	ed.Select("claim")
	name, _, _ := ed.Form()
	name.SetText("assertion")
	ed.Save()
	if _, err := s.LabelByName("assertion"); err != nil {
		t.Fatal(err)
	}
	if got := g.MenuItem("Edit", 0).Label; got != `Undo rename label "claim" to "assertion"` {
		t.Errorf("Edit menu says %q", got)
	}
	g.MenuAction("Edit", "Undo")()
	if _, err := s.LabelByName("claim"); err != nil {
		t.Errorf("undo did not rename back: %v", err)
	}
}
