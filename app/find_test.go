package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// Two documents for find: accents, case and word edges on purpose.
const (
	findText1 = "Lavrov met Wang Yi. LAVROV said: Lavróv's aide, not Lavrovsky, left 🤝 Lavrov."
	findText2 = "No one here.\nThen Lavrov again."
)

// newFindGloss builds the window on a project with the default labels and
// the two find documents; the first is shown.
func newFindGloss(t *testing.T) (*app.Probe, *store.Store, []*annotate.Document) {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "find.gloss"), store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, false); err != nil {
		t.Fatal(err)
	}
	docs := []*annotate.Document{
		annotate.NewDocument("One", findText1, "one.txt"),
		annotate.NewDocument("Two", findText2, "two.txt"),
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(a, s, openStore))
	g.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g.Close() })
	return g, s, docs
}

func TestFindCountsNextPreviousAndHighlights(t *testing.T) {
	g, _, _ := newFindGloss(t)
	g.MenuAction("Edit", "Find…")()
	f := g.FindBar()
	if !f.Visible() {
		t.Fatal("Ctrl+F did not show the find bar")
	}
	if g.Window().Canvas().Focused() != fyne.Focusable(f.Query()) && g.Window().Canvas().Focused() == nil {
		t.Error("the query field has no focus")
	}
	f.Type("lavrov")
	// Lavrov, LAVROV, Lavróv (accent ignored), Lavrov(sky), Lavrov at the end.
	if got := f.Count(); got != "1 of 5" {
		t.Fatalf("count %q, want 1 of 5", got)
	}
	hits, cur := g.View().FindHits()
	if len(hits) != 5 || cur != 0 {
		t.Fatalf("view shows %v current %d", hits, cur)
	}
	matchCase, wholeWord := f.Switches()
	wholeWord.SetChecked(true) // drops Lavrovsky; 🤝 is no letter
	if got := f.Count(); got != "1 of 4" {
		t.Fatalf("whole word: count %q, want 1 of 4", got)
	}
	f.Type("Lavrov")
	matchCase.SetChecked(true)
	if got := f.Count(); got != "1 of 3" { // not LAVROV
		t.Fatalf("match case: count %q, want 1 of 3", got)
	}
	matchCase.SetChecked(false)
	want := [][2]int{{0, 6}, {20, 26}, {33, 39}, {70, 76}}
	f.Key(fyne.KeyReturn, false) // selects the current hit
	if s, e := g.View().Selection(); [2]int{s, e} != want[0] {
		t.Fatalf("Enter selected [%d, %d), want %v", s, e, want[0])
	}
	f.Key(fyne.KeyReturn, false)
	f.Key(fyne.KeyF3, false)
	if s, e := g.View().Selection(); [2]int{s, e} != want[2] || f.Count() != "3 of 4" {
		t.Fatalf("two more: [%d, %d) %q, want %v 3 of 4", s, e, f.Count(), want[2])
	}
	f.Key(fyne.KeyReturn, true)
	if s, e := g.View().Selection(); [2]int{s, e} != want[1] || f.Count() != "2 of 4" {
		t.Fatalf("Shift+Enter: [%d, %d) %q, want %v", s, e, f.Count(), want[1])
	}
	f.Key(fyne.KeyReturn, true)
	f.Key(fyne.KeyF3, true) // wraps to the last
	if s, e := g.View().Selection(); [2]int{s, e} != want[3] || f.Count() != "4 of 4" {
		t.Fatalf("wrap back: [%d, %d) %q, want %v", s, e, f.Count(), want[3])
	}
	if _, cur := g.View().FindHits(); cur != 3 {
		t.Errorf("view's current hit %d, want 3", cur)
	}
	f.Key(fyne.KeyEscape, false)
	if f.Visible() {
		t.Error("Escape did not close the bar")
	}
	if hits, _ := g.View().FindHits(); len(hits) != 0 {
		t.Errorf("closing left %d hits outlined", len(hits))
	}
}

func TestFindFollowsTheShownDocument(t *testing.T) {
	g, _, _ := newFindGloss(t)
	g.MenuAction("Edit", "Find…")()
	f := g.FindBar()
	f.Type("lavrov")
	g.MenuAction("Go", "Next document")()
	if got := f.Count(); got != "1 of 1" {
		t.Fatalf("in document two the count is %q, want 1 of 1", got)
	}
	if hits, _ := g.View().FindHits(); len(hits) != 1 || hits[0] != [2]int{18, 24} {
		t.Fatalf("hits in document two %v", hits)
	}
}

func TestFindInAllDocumentsGroupsAndOpens(t *testing.T) {
	g, _, docs := newFindGloss(t)
	g.MenuAction("Edit", "Find in all documents")()
	c := g.CorpusFind()
	c.Query().SetText("lavrov")
	rows := c.Rows()
	// The expected rows, by plain rune slicing: 40 code points each side.
	kwic := func(text string, s, e int) string {
		r := []rune(text)
		l, rt := string(r[max(0, s-40):s]), string(r[e:min(len(r), e+40)])
		return strings.ReplaceAll(l+"["+string(r[s:e])+"]"+rt, "\n", " ")
	}
	want := []string{"# One"}
	for _, h := range [][2]int{{0, 6}, {20, 26}, {33, 39}, {52, 58}, {70, 76}} {
		want = append(want, kwic(findText1, h[0], h[1]))
	}
	want = append(want, "# Two", kwic(findText2, 18, 24))
	if len(rows) != len(want) {
		t.Fatalf("rows:\n%q\nwant\n%q", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	if c.Count() != "6 hits in 2 documents" {
		t.Errorf("count %q", c.Count())
	}
	c.Select(7)
	c.Enter()
	if g.Document().ID != docs[1].ID {
		t.Fatalf("Enter showed %q, want Two", g.Document().Title)
	}
	if s, e := g.View().Selection(); s != 18 || e != 24 {
		t.Errorf("the hit is not selected: [%d, %d)", s, e)
	}
	if g.Overlay() != nil {
		t.Error("the results stayed open over the document")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fieldOf returns field i of a "|"-separated row.
func fieldOf(row string, i int) string { return strings.Split(row, "|")[i] }

// findSpan returns the shown document's span with this ID.
func findSpan(g *app.Probe, id string) *annotate.Span {
	sp, err := g.Project().Span(id)
	if err != nil {
		return nil
	}
	return sp
}

// sameSpans compares spans by ID, offsets, label and note.
func sameSpans(a, b []*annotate.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ID != y.ID || x.Start != y.Start || x.End != y.End || x.LabelID != y.LabelID || x.Note != y.Note {
			return false
		}
	}
	return true
}
