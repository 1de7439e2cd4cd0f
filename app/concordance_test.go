package app_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConcordanceOfALabelSortsAndExports(t *testing.T) {
	g, _, docs := browseFixture(t)
	g.SpanBrowser().Close()
	g.MenuAction("View", "Concordance")()
	c := g.Concordance()
	source, lab, query, order := c.Controls()
	if source.Selected != "Spans of a label" {
		t.Fatalf("source %q", source.Selected)
	}
	lab.SetSelected("actor")
	// Document order: One's Lavrov, Wang Yi; Two's Lavrov.
	line := func(text string, s, e int, title string) string {
		r := []rune(text)
		return strings.ReplaceAll(string(r[max(0, s-40):s])+"|"+string(r[s:e])+"|"+string(r[e:min(len(r), e+40)]), "\n", " ") + "|" + title
	}
	want := []string{line(findText1, 0, 6, "One"), line(findText1, 11, 18, "One"), line(findText2, 18, 24, "Two")}
	if got := c.Rows(); !equal(got, want) {
		t.Fatalf("rows:\n%q\nwant\n%q", got, want)
	}
	order.SetSelected("Left words") // nearest word left: "" < "met" < "then"
	if got := c.Rows(); !equal(got, []string{want[0], want[1], want[2]}) {
		t.Fatalf("by left: %q", got)
	}
	order.SetSelected("Right words") // "again" < "lavrov" (Wang Yi's) < "met"
	if got := c.Rows(); !equal(got, []string{want[2], want[1], want[0]}) {
		t.Fatalf("by right: %q", got)
	}
	path := filepath.Join(t.TempDir(), "kwic.csv")
	if err := c.Export(path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[0][0] != "document" || recs[1][0] != "Two" || recs[1][5] != "Lavrov" || recs[1][2] != "24" {
		t.Fatalf("csv: %q", recs)
	}
	// A search term instead, accent-insensitive as find is.
	source.SetSelected("A search term")
	query.SetText("lavróv")
	order.SetSelected("Document order")
	if got := len(c.Rows()); got != 6 {
		t.Fatalf("search term: %d lines %q", got, c.Rows())
	}
	c.Open(5)
	if g.Document().ID != docs[1].ID {
		t.Fatalf("opened %q", g.Document().Title)
	}
	if st, e := g.View().Selection(); st != 18 || e != 24 {
		t.Errorf("selection [%d, %d)", st, e)
	}
}
