package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// indexPalette is a palette over titles whose source counts its queries
// (the quick-open palette over a title index), its searches held until the
// test finishes them.
func indexPalette(t *testing.T, titles []string, chosen *[]string) (*palette, *heldSpawn, *[]string) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(800, 600))
	held := &heldSpawn{}
	defer func(old func(func())) { testSpawn = old }(testSpawn)
	testSpawn = held.spawn
	var queries []string
	source := func(q string) []paletteItem {
		queries = append(queries, q)
		var out []paletteItem
		for _, title := range titles {
			if q == "" || strings.Contains(title, q[:1]) {
				out = append(out, paletteItem{title: title, key: "id " + title})
			}
		}
		return out
	}
	var p *palette
	p = showPalette(w.Canvas(), "Open document", "", nil, func(i int) { *chosen = append(*chosen, p.items[i].key) })
	p.searchOffUI(source)
	return p, held, &queries
}

func paletteShown(p *palette) []string {
	var out []string
	for _, m := range p.matches {
		out = append(out, p.items[m.index].title)
	}
	return out
}

func TestQuickOpenKeepsOnlyTheNewestQuery(t *testing.T) {
	var chosen []string
	p, held, queries := indexPalette(t, []string{"alpha report", "beta summary", "gamma report", "delta"}, &chosen)
	if len(held.queue) != 1 || len(p.matches) != 0 {
		t.Fatalf("on open: %d searches running, %d rows; want the empty query running, no rows yet", len(held.queue), len(p.matches))
	}
	held.finish(t)
	if got := paletteShown(p); len(got) != 4 {
		t.Fatalf("the empty query shows %q, want every title", got)
	}
	for _, q := range []string{"r", "re", "rep", "repo"} { // a burst of keys
		p.entry.SetText(q)
	}
	if len(held.queue) != 1 {
		t.Fatalf("%d searches running during the burst, want 1", len(held.queue))
	}
	held.finish(t) // "r": superseded, its rows dropped; "repo" starts
	if got := paletteShown(p); len(got) != 4 {
		t.Fatalf("rows of a superseded query were shown: %q", got)
	}
	held.finish(t)
	if want := []string{"", "r", "repo"}; strings.Join(*queries, ",") != strings.Join(want, ",") {
		t.Errorf("the index was asked %q, want %q (the first and the last key)", *queries, want)
	}
	got := paletteShown(p)
	if len(got) != 2 || !strings.Contains(got[0], "report") || !strings.Contains(got[1], "report") {
		t.Errorf("rows for \"repo\": %q, want the two reports", got)
	}
	if m := p.matches[0]; len(m.runes) != 4 {
		t.Errorf("highlighted runes %v, want the 4 of \"repo\"", m.runes)
	}
	if len(held.queue) != 0 {
		t.Errorf("%d searches still running", len(held.queue))
	}
}

func TestQuickOpenEnterPicksTheBestOfTheQueryTyped(t *testing.T) {
	var chosen []string
	p, held, _ := indexPalette(t, []string{"alpha", "beta"}, &chosen)
	held.finish(t)
	p.entry.SetText("b")
	p.entry.SetText("be")
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(chosen) != 0 {
		t.Fatalf("Enter chose %q before the search was done", chosen)
	}
	held.finish(t)
	held.finish(t)
	if len(chosen) != 1 || chosen[0] != "id beta" {
		t.Errorf("Enter chose %q, want the best match for \"be\": id beta", chosen)
	}
}

func TestQuickOpenEscapeDropsTheSearch(t *testing.T) {
	var chosen []string
	p, held, _ := indexPalette(t, []string{"alpha", "beta"}, &chosen)
	held.finish(t)
	p.entry.SetText("b")
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	held.finish(t)
	if len(chosen) != 0 || len(paletteShown(p)) != 2 {
		t.Errorf("after Escape the search chose %q and shows %q", chosen, paletteShown(p))
	}
}
