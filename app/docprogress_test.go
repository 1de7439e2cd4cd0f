package app_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// threeMoreDocs adds documents "b", "c" and "d" after the sample article.
func threeMoreDocs(t *testing.T, g *app.Probe, s *store.Store) []annotate.DocumentInfo {
	t.Helper()
	var docs []*annotate.Document
	for _, title := range []string{"b", "c", "d"} {
		docs = append(docs, annotate.NewDocument(title, "text of "+title, ""))
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	infos, err := s.Documents()
	if err != nil || len(infos) != 4 {
		t.Fatalf("%d documents, %v", len(infos), err)
	}
	return infos
}

func titles(g *app.Probe) string {
	var out []string
	for _, m := range g.DocMatches() {
		out = append(out, m.Title)
	}
	return strings.Join(out, ",")
}

// TestStatusFilterAndProgress: the documents list filters by status and the
// progress bar counts the documents done.
func TestStatusFilterAndProgress(t *testing.T) {
	g, s := newGloss(t)
	docs := threeMoreDocs(t, g, s)
	if err := s.SetStatus(docs[1].ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(docs[2].ID, annotate.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	if v, m, text := g.Progress(); v != 1 || m != 4 || text != "1 of 4 done" {
		t.Errorf("progress %v of %v, %q; want 1 of 4", v, m, text)
	}
	first := docs[0].Title
	for choice, want := range map[string]string{
		"Done":         "b",
		"In progress":  "c",
		"To do":        first + ",d",
		"All statuses": first + ",b,c,d",
	} {
		g.StatusFilter(choice)
		if got := titles(g); got != want {
			t.Errorf("filter %q lists %q, want %q", choice, got, want)
		}
	}
}

// TestMarkDoneAndNext: Go ▸ Mark done and next (Ctrl+Enter) marks the
// document done and shows the next one not done, going round to the
// start; when all are done it stays and says so.
func TestMarkDoneAndNext(t *testing.T) {
	g, s := newGloss(t)
	docs := threeMoreDocs(t, g, s)
	if err := s.SetStatus(docs[2].ID, annotate.StatusDone); err != nil { // "c"
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	var it *fyne.MenuItem
	for i := 0; i < 10 && it == nil; i++ {
		if m := g.MenuItem("Go", i); m != nil && m.Label == "Mark done and next" {
			it = m
		}
	}
	if it == nil {
		t.Fatal("no Go ▸ Mark done and next")
	}
	if sc, ok := it.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyReturn || sc.Modifier&fyne.KeyModifierShortcutDefault == 0 {
		t.Errorf("its shortcut is %#v, want Ctrl+Enter", it.Shortcut)
	}
	status := func(id string) annotate.Status {
		infos, _ := s.Documents()
		for _, d := range infos {
			if d.ID == id {
				return d.Status
			}
		}
		return ""
	}
	// From the sample article to b, from b to d (c is done), from d round
	// to nothing left: every document is done.
	for _, want := range []string{docs[1].ID, docs[3].ID, docs[3].ID} {
		from := g.Document().ID
		it.Action()
		if status(from) != annotate.StatusDone {
			t.Errorf("%s is %q after Mark done and next", from, status(from))
		}
		if g.Document().ID != want {
			t.Errorf("from %s it showed %s, want %s", from, g.Document().Title, want)
		}
	}
	if _, state := g.StatusText(); !strings.Contains(state, "every document is done") {
		t.Errorf("status bar says %q", state)
	}
	if v, m, _ := g.Progress(); v != 4 || m != 4 {
		t.Errorf("progress %v of %v, want 4 of 4", v, m)
	}
}
