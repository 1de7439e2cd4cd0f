package app_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// Offsets of "Consequently" in the sample article.
const wordStart, wordEnd = 116, 128

// openStore is the Opener cmd/gloss uses.
func openStore(path string) (app.Project, error) {
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// newGloss builds the window on a real project file seeded with the
// default labels and the sample article.
func newGloss(t *testing.T) (*app.Probe, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "test.gloss"), store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(a, s, openStore))
	g.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g.Close() })
	return g, s
}

// dragSelect drags across [start, end) of the text view as a mouse would.
func dragSelect(g *app.Probe, start, end int) {
	v := g.View()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	from := v.PositionOf(start).AddXY(3, 8)
	to := v.PositionOf(end).AddXY(-3, 8)
	// test.Drag reports the drag at its position with the distance dragged.
	test.Drag(g.Window().Canvas(), origin.Add(to), to.X-from.X, to.Y-from.Y)
}

// tapText clicks the text view on code point cp.
func tapText(g *app.Probe, cp int) {
	v := g.View()
	test.TapAt(v, v.PositionOf(cp).AddXY(2, 8))
}

func spans(t *testing.T, s *store.Store, docID string) []*annotate.Span {
	t.Helper()
	out, err := s.Spans(docID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func label(t *testing.T, s *store.Store, name string) *annotate.Label {
	t.Helper()
	l, err := s.LabelByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func countLabel(t *testing.T, s *store.Store, docID, labelID string) int {
	n := 0
	for _, sp := range spans(t, s, docID) {
		if sp.LabelID == labelID {
			n++
		}
	}
	return n
}

func findSelect(o fyne.CanvasObject) *widget.Select {
	for _, obj := range test.LaidOutObjects(o) {
		if s, ok := obj.(*widget.Select); ok {
			return s
		}
	}
	return nil
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button", text)
}
