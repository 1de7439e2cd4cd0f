package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

// heldSpawn keeps the functions a searchRunner spawns until the test runs
// them, as if each search were still running on its goroutine.
type heldSpawn struct{ queue []func() }

func (h *heldSpawn) spawn(f func()) { h.queue = append(h.queue, f) }

// finish runs the oldest search still held.
func (h *heldSpawn) finish(t *testing.T) {
	t.Helper()
	if len(h.queue) == 0 {
		t.Fatal("no search is running")
	}
	f := h.queue[0]
	h.queue = h.queue[1:]
	f()
}

// fakeTitles is a title index over titles, counting its queries.
type fakeTitles struct {
	docs    []annotate.DocumentInfo
	queries []string
}

func (f *fakeTitles) TitleCandidates(q string, limit int) ([]annotate.DocumentInfo, error) {
	f.queries = append(f.queries, q)
	var out []annotate.DocumentInfo
	for _, d := range f.docs {
		if strings.Contains(d.Title, q[:1]) && len(out) < limit {
			out = append(out, d)
		}
	}
	return out, nil
}

func (f *fakeTitles) DocumentsPage(annotate.Cursor, int, annotate.DocFilter, annotate.DocSort) ([]annotate.DocumentInfo, annotate.Cursor, error) {
	return f.docs, annotate.Cursor{Done: true}, nil
}

func (f *fakeTitles) Count(annotate.DocFilter) (int, error) { return len(f.docs), nil }

// pagedPanel is a documents panel listing fake's documents page by page,
// its searches held until the test finishes them.
func pagedPanel(t *testing.T, fake *fakeTitles) (*docsPanel, *heldSpawn) {
	test.NewTempApp(t)
	d := newDocsPanel()
	held := &heldSpawn{}
	d.searches.spawn = held.spawn
	d.pages = newDocPages(fake)
	if err := d.pages.reset(annotate.DocFilter{}, annotate.DocSort{}); err != nil {
		t.Fatal(err)
	}
	d.titleIdx = fake
	return d, held
}

func titlesShown(d *docsPanel) []string {
	var out []string
	for i := 0; i < d.rowCount(); i++ {
		r, _ := d.rowAt(i)
		out = append(out, r.info.Title)
	}
	return out
}

func TestPagedSearchKeepsOnlyTheNewestQuery(t *testing.T) {
	fake := &fakeTitles{}
	for i, title := range []string{"alpha report", "beta summary", "gamma report", "delta"} {
		fake.docs = append(fake.docs, annotate.DocumentInfo{ID: fmt.Sprint(i), Title: title})
	}
	d, held := pagedPanel(t, fake)
	for _, q := range []string{"r", "re", "rep", "repo"} { // a burst of keys
		d.search.SetText(q)
	}
	if len(held.queue) != 1 {
		t.Fatalf("%d searches running during the burst, want 1", len(held.queue))
	}
	if got := d.rowCount(); got != len(fake.docs) {
		t.Fatalf("while the search runs the list shows %d rows, want the %d pages' rows", got, len(fake.docs))
	}
	held.finish(t) // "r": superseded, its rows dropped; "repo" starts
	if got := titlesShown(d); len(got) != len(fake.docs) {
		t.Fatalf("rows of a superseded query were shown: %q", got)
	}
	held.finish(t)
	if want := []string{"r", "repo"}; strings.Join(fake.queries, ",") != strings.Join(want, ",") {
		t.Errorf("the index was asked %q, want %q (the first and the last key)", fake.queries, want)
	}
	got := titlesShown(d)
	if len(got) != 2 || !strings.Contains(got[0], "report") || !strings.Contains(got[1], "report") {
		t.Errorf("rows for \"repo\": %q, want the two reports", got)
	}
	if r, _ := d.rowAt(0); len(r.title) != 4 {
		t.Errorf("highlighted runes %v, want the 4 of \"repo\"", r.title)
	}
	if len(held.queue) != 0 {
		t.Errorf("%d searches still running", len(held.queue))
	}
}

func TestPagedSearchEnterOpensTheFirstRowOfTheQueryTyped(t *testing.T) {
	fake := &fakeTitles{docs: []annotate.DocumentInfo{{ID: "a", Title: "alpha"}, {ID: "b", Title: "beta"}}}
	d, held := pagedPanel(t, fake)
	var opened []string
	d.onOpen = func(id string, _, _ int) { opened = append(opened, id) }
	d.search.SetText("b")
	d.search.SetText("be")
	d.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(opened) != 0 {
		t.Fatalf("Enter opened %q before the search was done", opened)
	}
	held.finish(t)
	held.finish(t)
	if len(opened) != 1 || opened[0] != "b" {
		t.Errorf("Enter opened %q, want the first row for \"be\": b", opened)
	}
}

func TestPagedSearchEmptiedShowsThePagesAndDropsTheSearch(t *testing.T) {
	fake := &fakeTitles{docs: []annotate.DocumentInfo{{ID: "a", Title: "alpha"}, {ID: "b", Title: "beta"}}}
	d, held := pagedPanel(t, fake)
	d.search.SetText("be")
	d.search.SetText("")
	if !d.pagedList() || d.rowCount() != 2 {
		t.Fatalf("an empty search shows %d rows (paged %v), want the 2 of the pages", d.rowCount(), d.pagedList())
	}
	held.finish(t)
	if !d.pagedList() || d.rowCount() != 2 {
		t.Errorf("the dropped search's rows were shown: %q", titlesShown(d))
	}
}
