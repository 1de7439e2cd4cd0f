package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

func TestFuzzyFilterRuneIndexes(t *testing.T) {
	titles := []string{"Ärzte über Ökonomie", "Russia China coordination", "日本語のニュース", "naïve café"}
	tests := []struct {
		name    string
		pattern string
		want    map[string][]int // title -> matched rune offsets
	}{
		{"ascii", "rcc", map[string][]int{"Russia China coordination": {0, 7, 13}}},
		{"after non-ascii letters", "über", map[string][]int{"Ärzte über Ökonomie": {6, 7, 8, 9}}},
		{"non-ascii pattern", "ök", map[string][]int{"Ärzte über Ökonomie": {11, 12}}},
		{"cjk", "ニュース", map[string][]int{"日本語のニュース": {4, 5, 6, 7}}},
		{"accented", "café", map[string][]int{"naïve café": {6, 7, 8, 9}}},
		{"accents ignored", "arzte", map[string][]int{"Ärzte über Ökonomie": {0, 1, 2, 3, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string][]int{}
			for _, m := range fuzzyFilter(tt.pattern, titles) {
				got[titles[m.index]] = m.runes
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fuzzyFilter(%q) = %v, want %v", tt.pattern, got, tt.want)
			}
			for title, runes := range got {
				rs := []rune(title)
				for _, r := range runes {
					if r < 0 || r >= len(rs) {
						t.Fatalf("rune offset %d outside %q", r, title)
					}
				}
			}
		})
	}
}

func TestFuzzyFilterEmptyKeepsOrder(t *testing.T) {
	got := fuzzyFilter("  ", []string{"b", "a", "c"})
	for i, m := range got {
		if m.index != i || m.runes != nil {
			t.Fatalf("row %d = %+v, want index %d with nothing highlighted", i, m, i)
		}
	}
	if len(got) != 3 {
		t.Fatalf("got %d rows, want 3", len(got))
	}
}

func TestRunRanges(t *testing.T) {
	tests := []struct {
		name  string
		runes []int
		want  [][2]int
	}{
		{"none", nil, nil},
		{"one", []int{3}, [][2]int{{3, 4}}},
		{"run and gap", []int{0, 1, 2, 5, 7, 8}, [][2]int{{0, 3}, {5, 6}, {7, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runRanges(tt.runes); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("runRanges(%v) = %v, want %v", tt.runes, got, tt.want)
			}
		})
	}
}

func TestHighlightSegments(t *testing.T) {
	segs := highlightSegments("Ärzte über", []int{6, 7})
	var texts []string
	var bold []bool
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		texts = append(texts, ts.Text)
		bold = append(bold, ts.Style.TextStyle.Bold)
	}
	if want := []string{"Ärzte ", "üb", "er"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("segments %q, want %q", texts, want)
	}
	if want := []bool{false, true, false}; !reflect.DeepEqual(bold, want) {
		t.Errorf("bold %v, want %v", bold, want)
	}
}

func TestFilterDocsTextSearch(t *testing.T) {
	docs := []annotate.DocumentInfo{{ID: "a", Title: "first"}, {ID: "b", Title: "second"}, {ID: "c", Title: "third"}}
	texts := map[string]string{
		"a": "Nothing here.",
		"b": "İstanbul:\r\nDie Ärzte in ÜBERLINGEN und über Ulm.",
		"c": "über alles",
	}
	text := func(id string) (string, string) { return texts[id], foldText(texts[id]) }
	rows := filterDocs("/über", docs, text)
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2: %+v", len(rows), rows)
	}
	b := rows[0]
	if b.info.ID != "b" || b.hits != 2 {
		t.Fatalf("first row %+v, want document b with 2 hits", b)
	}
	// "İstanbul" lower-cases to two code points with strings.ToLower; the
	// offsets must still be those of the stored text.
	wantHit := len([]rune("İstanbul:\r\nDie Ärzte in "))
	if b.hit != wantHit || b.hitLen != 4 {
		t.Errorf("hit at %d (len %d), want %d (len 4)", b.hit, b.hitLen, wantHit)
	}
	if got := string([]rune(texts["b"])[b.hit : b.hit+b.hitLen]); got != "ÜBER" {
		t.Errorf("hit covers %q, want ÜBER", got)
	}
	snip := []rune(b.snippet)
	if got := string(snip[b.snipHit[0]:b.snipHit[1]]); got != "ÜBER" {
		t.Errorf("snippet %q highlights %q, want ÜBER", b.snippet, got)
	}
	if rows[1].info.ID != "c" || rows[1].hit != 0 {
		t.Errorf("second row %+v, want document c hit at 0", rows[1])
	}
	if rows := filterDocs("/", docs, text); len(rows) != 3 {
		t.Errorf("an empty text search keeps every document, got %d", len(rows))
	}
}

func TestFilterDocsTitles(t *testing.T) {
	docs := []annotate.DocumentInfo{{ID: "a", Title: "Crème brûlée"}, {ID: "b", Title: "Cream"}}
	rows := filterDocs("brûl", docs, nil)
	if len(rows) != 1 || rows[0].info.ID != "a" {
		t.Fatalf("rows %+v, want only Crème brûlée", rows)
	}
	if want := []int{6, 7, 8, 9}; !reflect.DeepEqual(rows[0].title, want) {
		t.Errorf("highlight %v, want %v", rows[0].title, want)
	}
}

func TestWrapText(t *testing.T) {
	got := wrapText("claim: A statement presented as fact or opinion.\nPress 2 to label.", 20)
	want := "claim: A statement\npresented as fact or\nopinion.\nPress 2 to label."
	if got != want {
		t.Errorf("wrapText = %q, want %q", got, want)
	}
}
