package app_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestUndoNamesTheText: Undo and Redo name an edit by its label and text,
// in the Edit menu and in the status bar (issue 15, item 12).
func TestUndoNamesTheText(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	if got := g.MenuItem("Edit", 0).Label; got != `Undo add actor "Consequently"` {
		t.Errorf("after adding: Edit menu says %q", got)
	}
	test.Type(g.View(), "2") // relabel the selected span
	if got := g.MenuItem("Edit", 0).Label; got != `Undo relabel actor "Consequently" as claim "Consequently"` {
		t.Errorf("after relabelling: Edit menu says %q", got)
	}
	g.MenuAction("Edit", "Undo")()
	sp := spans(t, s, doc.ID)
	if len(sp) != 1 {
		t.Fatalf("%d spans", len(sp))
	}
	g.MenuAction("Edit", "Delete selected span")()
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatalf("delete left %d spans", n)
	}
	if got := g.MenuItem("Edit", 0).Label; got != `Undo delete actor "Consequently"` {
		t.Errorf("after deleting: Edit menu says %q", got)
	}
	g.MenuAction("Edit", "Undo")()
	if _, state := g.StatusText(); !strings.Contains(state, `undid delete actor "Consequently"`) {
		t.Errorf("status after undo: %q", state)
	}
	if got := g.MenuItem("Edit", 1).Label; got != `Redo delete actor "Consequently"` {
		t.Errorf("Redo item says %q", got)
	}
}
