package app_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
)

// TestReopenedDocumentKeepsItsScroll: leaving a long document and coming
// back to it, or reopening the project, shows it where it was left
// (issue 15, item 12).
func TestReopenedDocumentKeepsItsScroll(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "scroll.gloss")
	s, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for i := range 80 {
		paras = append(paras, fmt.Sprintf("Paragraph %d: the delegations met again and agreed to continue talks.", i))
	}
	long := annotate.NewDocument("A long", strings.Join(paras, "\n"), "")
	short := annotate.NewDocument("B short", "A short note.", "")
	if err := s.(interface {
		AddDocuments([]*annotate.Document) error
	}).AddDocuments([]*annotate.Document{long, short}); err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(a, s, openStore))
	g.Window().Resize(fyne.NewSize(1200, 800))
	if g.Document().ID != long.ID {
		t.Fatalf("showing %q first", g.Document().Title)
	}
	target := strings.Index(long.Text, "Paragraph 50:")
	g.View().ScrollTopTo(target)
	top := g.View().TopOffset()
	if top < strings.Index(long.Text, "Paragraph 40:") {
		t.Fatalf("scrolled to %d, want near %d", top, target)
	}
	g.MenuAction("Go", "Next document")()
	if g.Document().ID != short.ID {
		t.Fatal("Next document did not move on")
	}
	g.MenuAction("Go", "Previous document")()
	if got := g.View().TopOffset(); got != top {
		t.Errorf("back in the long document the top is %d, want %d", got, top)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	g2 := app.NewProbe(app.New(a, s2, openStore))
	defer g2.Close()
	g2.Window().Resize(fyne.NewSize(1200, 800))
	if got := g2.View().TopOffset(); got != top {
		t.Errorf("after reopening the top is %d, want %d", got, top)
	}
}
