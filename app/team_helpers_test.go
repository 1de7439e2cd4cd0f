package app_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// teamProject is a project with the sample article annotated by two coders.
type teamProject struct {
	g      *app.Probe
	s      *store.Store
	doc    string
	l1, l2 *annotate.Label
}

// newTeamGloss opens a window as alice on a project where alice and bob
// annotated the sample article:
//
//	[0,5) L1 both (match)      [10,20) L1 alice, [12,20) L1 bob (overlap)
//	[30,35) L2 alice only      [40,45) L2 bob only
func newTeamGloss(t *testing.T) *teamProject {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString("annotator", "alice")
	path := filepath.Join(t.TempDir(), "team.gloss")
	s, err := store.Open(path, store.Options{Annotator: "alice"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	labels, err := s.Labels()
	if err != nil || len(labels) < 2 {
		t.Fatal(err, len(labels))
	}
	docs, err := s.Documents()
	if err != nil || len(docs) == 0 {
		t.Fatal(err)
	}
	tp := &teamProject{s: s, doc: docs[0].ID, l1: labels[0], l2: labels[1]}
	tp.add(t, "alice", 0, 5, tp.l1)
	tp.add(t, "bob", 0, 5, tp.l1)
	tp.add(t, "alice", 10, 20, tp.l1)
	tp.add(t, "bob", 12, 20, tp.l1)
	tp.add(t, "alice", 30, 35, tp.l2)
	tp.add(t, "bob", 40, 45, tp.l2)
	open := func(path string) (app.Project, error) {
		return store.Open(path, store.Options{Annotator: app.AnnotatorName(a.Preferences())})
	}
	tp.g = app.NewProbe(app.New(a, s, open))
	tp.g.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { tp.g.Close() })
	return tp
}

// add stores a span of annotator ann.
func (tp *teamProject) add(t *testing.T, ann string, start, end int, l *annotate.Label) *annotate.Span {
	t.Helper()
	sp := annotate.NewSpan(tp.doc, start, end, l.ID)
	sp.Annotator = ann
	if err := tp.s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	return sp
}

// layer returns one annotator's spans of the document.
func (tp *teamProject) layer(t *testing.T, ann string) []*annotate.Span {
	t.Helper()
	spans, err := tp.s.SpansBy(tp.doc, ann)
	if err != nil {
		t.Fatal(err)
	}
	return spans
}
