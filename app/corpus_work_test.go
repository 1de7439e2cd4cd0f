package app_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// withoutIndexer is a large project whose full-text index is never built
// by the window (it hides annotate.Indexer): searches must still work.
type withoutIndexer struct {
	app.Project
	annotate.Pager
	annotate.TitleSearcher
	annotate.TextSearcher
}

// TestSearchBeforeAndAfterTheIndexBuild: a bulk import leaves the index
// to be built; before it is, title search and corpus find still find
// (reading what is not indexed); the window builds it in the background
// on open, says so in the status bar, and searches find the same after.
func TestSearchBeforeAndAfterTheIndexBuild(t *testing.T) {
	defer app.SetPagedFrom(1000)()
	path := scaleProject(t, 3000)
	s, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if built, err := s.IndexBuilt(); err != nil || built {
		t.Fatalf("after a bulk import the index is built: %v, %v", built, err)
	}
	search := func(g *app.Probe) (string, []string) {
		g.DocsSearch().SetText("02917")
		m := g.DocMatches()
		first := ""
		if len(m) > 0 {
			first = m[0].Title
		}
		g.MenuAction("Edit", "Find in all documents")()
		g.CorpusFind().Query().SetText("quiet harbour")
		return first, g.CorpusFind().HitOffsets()
	}
	g := app.NewProbe(app.New(test.NewTempApp(t), withoutIndexer{s, s, s, s}, openStore))
	titleBefore, hitsBefore := search(g)
	if titleBefore != scaleTitle(2917) || len(hitsBefore) == 0 {
		t.Fatalf("before the index: title search %q, corpus find %d rows", titleBefore, len(hitsBefore))
	}
	if built, _ := s.IndexBuilt(); built {
		t.Fatal("the window built the index of a project that cannot build one")
	}
	g.Close()

	c, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	g = app.NewProbe(app.New(test.NewTempApp(t), c, openStore))
	defer g.Close()
	if built, err := c.IndexBuilt(); err != nil || !built {
		t.Fatalf("the window did not build the index: %v, %v", built, err)
	}
	if _, state := g.StatusText(); state != "The search index is ready." {
		t.Errorf("status after the build %q", state)
	}
	titleAfter, hitsAfter := search(g)
	if titleAfter != titleBefore || strings.Join(hitsAfter, "|") != strings.Join(hitsBefore, "|") {
		t.Errorf("after the index: %q, %v; before: %q, %v", titleAfter, hitsAfter, titleBefore, hitsBefore)
	}
}

// TestBackgroundCheckFindsDamage: a project with a damaged row opens, and
// the check after open says so in the status bar; Help ▸ Check project
// names the row in a dialog. A sound project opens without a notice.
func TestBackgroundCheckFindsDamage(t *testing.T) {
	g, s := newGloss(t)
	if _, state := g.StatusText(); strings.Contains(state, "problem") {
		t.Fatalf("a sound project has a check notice: %q", state)
	}
	damaged := annotate.NewDocument("To be damaged", "Its hash will not match.", "")
	if err := s.AddDocuments([]*annotate.Document{damaged}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	g.Close()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE documents SET sha256 = 'abc' WHERE id = ?`, damaged.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	d, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
	if err != nil {
		t.Fatalf("the damaged project does not open: %v", err)
	}
	g = app.NewProbe(app.New(test.NewTempApp(t), d, openStore))
	defer g.Close()
	g.Window().Resize(fyne.NewSize(1200, 800))
	if _, state := g.StatusText(); !strings.Contains(state, "found 1 problem") {
		t.Errorf("status after the check %q, want it to say it found 1 problem", state)
	}
	g.MenuAction("Help", "Check project")()
	if text := dialogText(g.Overlay()); !strings.Contains(text, "1 problem found") || !strings.Contains(text, damaged.ID) {
		t.Errorf("Check project says %q, want 1 problem naming %s", text, damaged.ID)
	}
	problems, err := d.CheckProject(context.Background())
	if err != nil || len(problems) != 1 {
		t.Fatalf("store check: %v, %v", problems, err)
	}
}

// dialogText is the text of every label under o.
func dialogText(o fyne.CanvasObject) string {
	var b strings.Builder
	if o == nil {
		return ""
	}
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// watchedSearch is a project whose full-text search reports each document
// it gives to watch, so that a test sees the window during the search.
type watchedSearch struct {
	*store.Store
	watch func()
}

func (w *watchedSearch) SearchTexts(ctx context.Context, q annotate.TextQuery, limit int, fn func(*annotate.Document, []annotate.TextHit) bool) error {
	return w.Store.SearchTexts(ctx, q, limit, func(d *annotate.Document, h []annotate.TextHit) bool {
		more := fn(d, h)
		if w.watch != nil {
			w.watch()
		}
		return more
	})
}

// TestCorpusFindShowsFirstHitsEarly: in a large project, corpus find shows
// its first hits while the search goes on, and ends with the first
// corpusHitLimit hits and a note that there are more.
func TestCorpusFindShowsFirstHitsEarly(t *testing.T) {
	defer app.SetPagedFrom(1000)()
	s, err := store.Open(scaleProject(t, 2500), store.Options{Annotator: "tester", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	w := &watchedSearch{Store: s}
	g := app.NewProbe(app.New(test.NewTempApp(t), w, openStore))
	defer g.Close()
	f := g.CorpusFind()
	g.MenuAction("Edit", "Find in all documents")()
	early := 0
	w.watch = func() {
		if strings.HasSuffix(f.Count(), "so far…") && early == 0 {
			early = len(f.HitOffsets())
		}
	}
	f.Query().SetText("council met")
	if early != 100+100 { // 100 documents: a heading and a hit each
		t.Errorf("during the search the list had %d rows, want the first 100 hits under their headings", early)
	}
	if got := f.Count(); !strings.HasPrefix(got, "the first 2,000 hits, in 2,000 documents") {
		t.Errorf("count after the search %q", got)
	}
}
