package app_test

import (
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/store"
)

// TestReloadShowsOtherWriters: what another process writes to the project
// file (here a second connection, as gloss-cli would) shows after Reload.
func TestReloadShowsOtherWriters(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	other, err := store.Open(s.Path(), store.Options{Annotator: "colleague", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	claim, _ := other.LabelByName("claim")
	if err := other.AddSpan(annotate.NewSpan(doc.ID, wordStart, wordEnd, claim.ID)); err != nil {
		t.Fatal(err)
	}
	if err := other.AddDocuments([]*annotate.Document{annotate.NewDocument("from gloss-cli", "More text.", "")}); err != nil {
		t.Fatal(err)
	}
	if len(g.SpanRows()) != 0 {
		t.Fatal("the window showed the other writer's span before reloading")
	}
	g.MenuAction("View", "Reload from file")()
	if rows := g.SpanRows(); len(rows) != 1 || rows[0] != "Consequently" {
		t.Errorf("spans after reload: %q", rows)
	}
	if g.Document().ID != doc.ID {
		t.Error("reload changed the document shown")
	}
	if counts, _ := g.StatusText(); !strings.Contains(counts, "2 documents") {
		t.Errorf("status after reload: %q", counts)
	}
}
