package app_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

func TestUndoRedoNewSpan(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "3")
	created := spans(t, s, doc.ID)
	if len(created) != 1 {
		t.Fatalf("hotkey made %d spans", len(created))
	}
	undo, redo := g.MenuAction("Edit", "Undo"), g.MenuAction("Edit", "Redo")
	undo()
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatalf("undo left %d spans", n)
	}
	if len(g.SpanRows()) != 0 {
		t.Error("the spans panel still lists the undone span")
	}
	redo()
	got := spans(t, s, doc.ID)
	if len(got) != 1 || got[0].ID != created[0].ID || got[0].Start != wordStart || got[0].End != wordEnd {
		t.Fatalf("redo restored %+v, want %+v", got, created[0])
	}
	if g.SelectedSpan() != created[0].ID {
		t.Error("redo should select the restored span")
	}
}

// TestUndoAfterReopen: the undo history lives in the project file, so a
// span made before closing the window can be undone after reopening it,
// and the Edit menu names it.
func TestUndoAfterReopen(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "reopen.gloss")
	s, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(a, s, openStore))
	g.Window().Resize(fyne.NewSize(1200, 800))
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	g.Close()
	g.Window().Close()

	s2, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(spans(t, s2, doc.ID)); n != 1 {
		t.Fatalf("reopened project has %d spans, want 1", n)
	}
	g2 := app.NewProbe(app.New(a, s2, openStore))
	g2.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g2.Close() })
	if got := g2.MenuItem("Edit", 0).Label; got != `Undo add actor "Consequently"` {
		t.Errorf("Edit menu says %q", got)
	}
	g2.MenuAction("Edit", "Undo")()
	if n := len(spans(t, s2, doc.ID)); n != 0 {
		t.Fatalf("undo after reopening left %d spans", n)
	}
	if len(g2.SpanRows()) != 0 {
		t.Error("the spans panel still lists the undone span")
	}
	g2.MenuAction("Edit", "Redo")()
	if n := len(spans(t, s2, doc.ID)); n != 1 {
		t.Fatalf("redo after reopening: %d spans", n)
	}
}
