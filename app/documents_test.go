package app_test

import (
	"reflect"
	"testing"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
)

func TestDocumentFuzzyFilter(t *testing.T) {
	g, s := newGloss(t)
	docs := []*annotate.Document{
		annotate.NewDocument("Ärzte über Ökonomie", "Die Ärzte sprechen über Geld.", ""),
		annotate.NewDocument("日本語のニュース", "ニュースです。", ""),
		annotate.NewDocument("Crème brûlée", "A dessert.", ""),
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	search := g.DocsSearch()
	tests := []struct {
		query string
		want  []app.DocMatch
	}{
		{"über", []app.DocMatch{{"Ärzte über Ökonomie", [][2]int{{6, 10}}}}},
		{"brûl", []app.DocMatch{{"Crème brûlée", [][2]int{{6, 10}}}}},
		{"ニュース", []app.DocMatch{{"日本語のニュース", [][2]int{{4, 8}}}}},
		{"rcc", []app.DocMatch{{assets.SampleTitle, [][2]int{{0, 1}, {7, 8}, {13, 14}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			search.SetText(tt.query)
			if got := g.DocMatches(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("search %q: %v, want %v", tt.query, got, tt.want)
			}
		})
	}
	search.SetText("/sprechen")
	if got := g.DocMatches(); len(got) != 1 || got[0].Title != "Ärzte über Ökonomie" {
		t.Errorf("text search: %v", got)
	}
	search.SetText("")
	if n := len(g.DocMatches()); n != 4 {
		t.Errorf("empty search lists %d documents, want 4", n)
	}
	// Ctrl+Down walks the list.
	g.MenuAction("Go", "Next document")()
	if g.Document().Title != "Ärzte über Ökonomie" {
		t.Errorf("next document is %q", g.Document().Title)
	}
	g.MenuAction("Go", "Previous document")()
	if g.Document().Title != assets.SampleTitle {
		t.Errorf("previous document is %q", g.Document().Title)
	}
}
