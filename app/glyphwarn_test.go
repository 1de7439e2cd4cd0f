package app_test

import (
	"strings"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/app"
)

// waitGlyphCheck waits until the check of document id has reported.
func waitGlyphCheck(t *testing.T, ids <-chan string, id string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case got := <-ids:
			if got == id {
				return
			}
		case <-deadline:
			t.Fatalf("the check of %s never reported", id)
		}
	}
}

// TestWarnsOnceOfCharactersNoFontDraws: a document with a character no
// font has (U+0378 is unassigned) gets one warning in the status bar that
// names it; showing the document again does not warn again.
func TestWarnsOnceOfCharactersNoFontDraws(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // fontscan's index of system fonts
	g, s := newGloss(t)
	sample := g.Document().ID
	doc := annotate.NewDocument("odd", "a \u0378 b", "")
	if err := s.AddDocuments([]*annotate.Document{doc}); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	ids := make(chan string, 8)
	g.OnGlyphCheck(ids)

	g.MenuAction("Go", "Next document")()
	if g.Document().ID != doc.ID {
		t.Fatalf("showing %s, want the new document", g.Document().Title)
	}
	waitGlyphCheck(t, ids, doc.ID)
	if _, state := g.StatusText(); !strings.Contains(state, "U+0378") || !strings.Contains(state, "No installed font draws 1 character") {
		t.Fatalf("status bar says %q, want a warning naming U+0378", state)
	}

	g.MenuAction("View", "Snap selection to words")() // says something else
	_, other := g.StatusText()
	g.MenuAction("Go", "Previous document")()
	waitGlyphCheck(t, ids, sample)
	g.MenuAction("Go", "Next document")()
	select { // a check would report within moments: the characters are known by now
	case id := <-ids:
		if id == doc.ID {
			t.Error("the document was checked again")
		}
	case <-time.After(2 * time.Second):
	}
	if _, state := g.StatusText(); state != other {
		t.Errorf("back at the document the status bar says %q, want %q (no second warning)", state, other)
	}
}
