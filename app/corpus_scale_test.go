package app_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// countingStore is a project that counts the document rows the window
// reads: by page, and whole lists (which a paged window never asks for).
type countingStore struct {
	*store.Store
	pageRows, wholeLists int
}

func (c *countingStore) DocumentsPage(after annotate.Cursor, limit int, f annotate.DocFilter, s annotate.DocSort) ([]annotate.DocumentInfo, annotate.Cursor, error) {
	docs, next, err := c.Store.DocumentsPage(after, limit, f, s)
	c.pageRows += len(docs)
	return docs, next, err
}

func (c *countingStore) Documents() ([]annotate.DocumentInfo, error) {
	c.wholeLists++
	return c.Store.Documents()
}

// scaleTitle is the title of document i of a scale project.
func scaleTitle(i int) string {
	return fmt.Sprintf("Report %05d on %s", i, []string{"budget", "Zürich", "harbour", "北京 trade", "elections"}[i%5])
}

// scaleText is the text of document i: a few sentences, some with the
// phrase "quiet harbour" after non-ASCII text.
func scaleText(i int) string {
	t := fmt.Sprintf("Article %d. The council met on Monday. ", i)
	if i%97 == 0 {
		t += "Über 北京 and the quiet harbour, then again the Quiet Harbour."
	}
	return t + " Nothing else happened."
}

// scaleProject writes a project of n documents in one bulk import (which
// leaves the full-text index to be built), every seventh one done, with a
// sample of 40 shared between tester and other.
func scaleProject(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scale.gloss")
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := &annotate.Batch{}
	for i := 0; i < n; i++ {
		b.Documents = append(b.Documents, annotate.NewDocument(scaleTitle(i), scaleText(i), ""))
	}
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i += 7 {
		if err := s.SetStatus(b.Documents[i].ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DrawSample(store.SampleOptions{N: 40, Seed: 1, Assign: []string{"tester", "other"}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// openScale opens the project at path as a paged window over a counting store.
func openScale(t *testing.T, path string) (*app.Probe, *countingStore) {
	t.Helper()
	defer app.SetPagedFrom(1000)()
	s, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &countingStore{Store: s}
	g := app.NewProbe(app.New(test.NewTempApp(t), c, openStore))
	g.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g.Close() })
	return g, c
}

// TestPagedListReadsPagesNotTheCorpus: a 5,000-document project lists 5,000
// rows, the rows drawn have the right titles in import order, and the
// window read a page or two, never the whole list.
func TestPagedListReadsPagesNotTheCorpus(t *testing.T) {
	g, c := openScale(t, scaleProject(t, 5000))
	if !g.DocsPaged() {
		t.Fatal("a 5,000-document project is not listed page by page")
	}
	if n := g.DocsRowCount(); n != 5000 {
		t.Fatalf("the list has %d rows, want 5000", n)
	}
	for _, i := range []int{0, 1, 42, 499, 500, 777} {
		if got := g.DocsRowTitle(i); got != scaleTitle(i) {
			t.Errorf("row %d is %q, want %q", i, got, scaleTitle(i))
		}
	}
	if c.wholeLists != 0 {
		t.Errorf("the window read the whole document list %d times", c.wholeLists)
	}
	if c.pageRows > 2000 {
		t.Errorf("the window read %d document rows to show the first rows of 5,000", c.pageRows)
	}
	counts, _ := g.StatusText()
	if !strings.HasPrefix(counts, "5,000 documents (715 done)") {
		t.Errorf("status bar counts %q, want 5,000 documents (715 done)", counts)
	}
	// A far row (the scroll bar dragged down) is read with the pages before it.
	if got := g.DocsRowTitle(4321); got != scaleTitle(4321) && got != "…" {
		t.Errorf("row 4321 is %q", got)
	}
	if got := g.DocsRowTitle(4321); got != scaleTitle(4321) {
		t.Errorf("row 4321 after its page came is %q, want %q", got, scaleTitle(4321))
	}
}

// TestPagedFilterSortAndScope: the status filter, the order and the scope
// change what the paged list shows, as the store lists it.
func TestPagedFilterSortAndScope(t *testing.T) {
	g, _ := openScale(t, scaleProject(t, 3000))
	status, order, scope := g.DocsChoices()
	status.SetSelected("Done")
	if n := g.DocsRowCount(); n != 429 { // 0, 7, …, 2996
		t.Fatalf("done filter: %d rows, want 429", n)
	}
	if got := g.DocsRowTitle(1); got != scaleTitle(7) {
		t.Errorf("second done row %q, want %q", got, scaleTitle(7))
	}
	status.SetSelected("All statuses")
	order.SetSelected("Title Z–A")
	if got := g.DocsRowTitle(0); got != scaleTitle(2999) {
		t.Errorf("first row by title Z–A %q, want %q", got, scaleTitle(2999))
	}
	order.SetSelected("Import order")
	scope.SetSelected("Sample only")
	if n := g.DocsRowCount(); n != 40 {
		t.Errorf("sample only: %d rows, want 40", n)
	}
	scope.SetSelected("My assignment")
	if n := g.DocsRowCount(); n != 20 {
		t.Errorf("my assignment: %d rows, want 20 (40 shared by two)", n)
	}
}

// TestPagedTitleSearchUsesTheIndex: typing part of a title lists the
// documents holding it through the title index, ranked by the fuzzy
// matcher with the matched characters highlighted by rune (after "Z").
func TestPagedTitleSearchUsesTheIndex(t *testing.T) {
	g, c := openScale(t, scaleProject(t, 5000))
	before := c.pageRows
	test.Type(g.DocsSearch(), "04321")
	m := g.DocMatches()
	if len(m) == 0 || m[0].Title != scaleTitle(4321) {
		t.Fatalf("search 04321 lists %v, want %q first", m, scaleTitle(4321))
	}
	if c.pageRows != before || c.wholeLists != 0 {
		t.Errorf("the title search read %d rows by page and %d whole lists", c.pageRows-before, c.wholeLists)
	}
	g.DocsSearch().SetText("ürich")
	m = g.DocMatches()
	if len(m) != 300 || !strings.Contains(m[0].Title, "Zürich") { // the index's first 300 candidates of 1000
		t.Fatalf("search 'ürich' lists %d documents, first %v; want 300 about Zürich", len(m), m[:min(len(m), 1)])
	}
	title := []rune(m[0].Title)
	at := strings.Index(m[0].Title, "ürich")
	want := utf8.RuneCountInString(m[0].Title[:at])
	if r := m[0].Ranges; len(r) == 0 || r[0][0] != want || string(title[r[0][0]:r[0][1]]) != "ürich" {
		t.Errorf("highlight %v of %q, want rune %d on", r, m[0].Title, want)
	}
}

// TestPagedCorpusFindExactOffsets: corpus find in a large project goes
// through the full-text index and its hits are the code points a plain
// search of each text finds.
func TestPagedCorpusFindExactOffsets(t *testing.T) {
	g, c := openScale(t, scaleProject(t, 2000))
	f := g.CorpusFind()
	g.MenuAction("Edit", "Find in all documents")()
	test.Type(f.Query(), "quiet harbour")
	var want []string
	for i := 0; i < 2000; i++ {
		text := scaleText(i)
		low := strings.ToLower(text)
		if !strings.Contains(low, "quiet harbour") {
			continue
		}
		want = append(want, "# "+scaleTitle(i))
		for b := 0; ; {
			k := strings.Index(low[b:], "quiet harbour")
			if k < 0 {
				break
			}
			s := utf8.RuneCountInString(text[:b+k])
			want = append(want, fmt.Sprint(s, ":", s+13))
			b += k + len("quiet harbour")
		}
	}
	got := f.HitOffsets()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("corpus find hits\n%v\nwant\n%v", got, want)
	}
	if c.wholeLists != 0 {
		t.Errorf("corpus find read the whole document list %d times", c.wholeLists)
	}
}

// TestPagedQuickOpenUsesTheIndex: the open-document palette of a large
// project asks the title index as one types, and Enter opens the best
// match, without reading the whole list.
func TestPagedQuickOpenUsesTheIndex(t *testing.T) {
	g, c := openScale(t, scaleProject(t, 3000))
	g.MenuAction("Go", "Open document")()
	pop := g.Overlay()
	if pop == nil {
		t.Fatal("no palette")
	}
	test.Type(g.Window().Canvas().Focused(), "02222 on harb")
	var first string
	for _, o := range test.LaidOutObjects(pop) {
		if rt, ok := o.(*widget.RichText); ok && rt.String() != "" && first == "" && strings.HasPrefix(rt.String(), "Report") {
			first = rt.String()
		}
	}
	if first != scaleTitle(2222) {
		t.Errorf("first palette row %q, want %q", first, scaleTitle(2222))
	}
	g.Window().Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d := g.Document(); d == nil || d.Title != scaleTitle(2222) {
		t.Errorf("Enter opened %v, want %q", d, scaleTitle(2222))
	}
	if c.wholeLists != 0 {
		t.Errorf("quick open read the whole document list %d times", c.wholeLists)
	}
}

// TestPagedMarkDoneAndNext: in a paged list, Mark done and next marks the
// shown document done (its row and the counts say so, read from the
// store) and opens the next one not done in the list, skipping done ones.
func TestPagedMarkDoneAndNext(t *testing.T) {
	g, c := openScale(t, scaleProject(t, 1500))
	if d := g.Document(); d == nil || d.Title != scaleTitle(1) { // document 0 is done
		t.Fatalf("first shown %v, want %q", d, scaleTitle(1))
	}
	for _, want := range []int{2, 3, 4, 5, 6, 8} { // 7 is done
		g.MenuAction("Go", "Mark done and next")()
		if d := g.Document(); d == nil || d.Title != scaleTitle(want) {
			t.Fatalf("after Mark done and next: %v, want %q", d, scaleTitle(want))
		}
	}
	if counts, _ := g.StatusText(); !strings.HasPrefix(counts, "1,500 documents (221 done)") {
		t.Errorf("status bar %q, want 221 done (215 + 6)", counts)
	}
	status, _, _ := g.DocsChoices()
	status.SetSelected("Done")
	if n := g.DocsRowCount(); n != 221 {
		t.Errorf("done filter after marking: %d rows, want 221", n)
	}
	if c.wholeLists != 0 {
		t.Errorf("the window read the whole document list %d times", c.wholeLists)
	}
}
