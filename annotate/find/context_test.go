package find

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestContext(t *testing.T) {
	tests := []struct {
		name              string
		text              string
		start, end, width int
		left, hit, right  string
	}{
		{"plain", "the big cat sat", 8, 11, 4, "big ", "cat", " sat"},
		{"code points not bytes", "Сергей Лавров сказал", 7, 13, 3, "ей ", "Лавров", " ск"},
		{"line breaks fold to one space", "a\r\nb\ncat\r\nd\te", 5, 8, 10, "a b ", "cat", " d e"},
		{"clamped", "cat", -3, 99, 2, "", "cat", ""},
		{"emoji", "🤝🤝x🤝🤝", 2, 3, 1, "🤝", "x", "🤝"},
		{"left does not begin on a cut mark", "xe\u0301 cat", 4, 7, 2, " ", "cat", ""},
		{"right keeps the marks of its last letter", "cat e\u0301\u0323x", 0, 3, 2, "", "cat", " e\u0301\u0323"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, h, r := Context(tc.text, tc.start, tc.end, tc.width)
			if l != tc.left || h != tc.hit || r != tc.right {
				t.Errorf("Context = %q|%q|%q, want %q|%q|%q", l, h, r, tc.left, tc.hit, tc.right)
			}
		})
	}
}

// TestContextsMatchesContext checks that the one-pass version gives, for
// hits in any order, what Context gives hit by hit, and that it agrees with
// slicing the []rune of the text.
func TestContextsMatchesContext(t *testing.T) {
	rng := newRand(5)
	for iter := 0; iter < 500; iter++ {
		text := randomText(rng, []rune("ab Жé🤝東"), rng.Intn(40))
		n := len([]rune(text))
		var hits []Hit
		for i := rng.Intn(5); i > 0; i-- {
			s := rng.Intn(n + 1)
			hits = append(hits, Hit{Start: s, End: s + rng.Intn(n-s+1)})
		}
		w := rng.Intn(6)
		got := Contexts(text, hits, w)
		r := []rune(text)
		for i, h := range hits {
			l, m, rt := Context(text, h.Start, h.End, w)
			if got[i] != (KWIC{l, m, rt}) {
				t.Fatalf("Contexts[%d] = %v, Context = %q %q %q", i, got[i], l, m, rt)
			}
			ls, re := max(0, h.Start-w), min(n, h.End+w)
			if m != string(r[h.Start:h.End]) || l != string(r[ls:h.Start]) || rt != string(r[h.End:re]) {
				t.Fatalf("text %q hit %v width %d: %q|%q|%q", text, h, w, l, m, rt)
			}
		}
	}
}

func TestConcordanceSortAndCSV(t *testing.T) {
	var c Concordance
	text := "Zeta said Lavrov. Alpha said LAVROV. Alpha met Lavrov,\r\nthen Lavrov left and Lavrov came"
	c.Add("d1", text, mustLiteral(t, "lavrov", Options{}).FindAll(text), 12)
	c.Add("d2", "Beta said Lavrov zzz", []Hit{{Start: 10, End: 16, Label: "actor"}}, 12)

	// the farthest word of a context may be cut by the width ("ov", "vrov")
	c.SortByLeft()
	want := []string{"d1:ov left and", "d1:alpha met", "d1:alpha said", "d2:beta said", "d1:zeta said", "d1:vrov then"}
	if got := sortedWords(c, func(r Row) string { return r.Left }); !reflect.DeepEqual(got, want) {
		t.Errorf("SortByLeft: %q, want %q", got, want)
	}
	c.SortByRight()
	want = []string{"d1:alpha met", "d1:alpha said", "d1:came", "d1:left and la", "d1:then lavr", "d2:zzz"}
	if got := sortedWords(c, func(r Row) string { return r.Right }); !reflect.DeepEqual(got, want) {
		t.Errorf("SortByRight: %q, want %q", got, want)
	}
	var h Concordance
	h.Add("d", "b A c a", []Hit{{0, 1, ""}, {2, 3, ""}, {4, 5, ""}, {6, 7, ""}}, 2)
	h.SortByHit()
	if got := sortedWords(h, func(r Row) string { return r.Hit + fmt.Sprint(r.Start) }); !reflect.DeepEqual(got, []string{"d:a2", "d:a6", "d:b0", "d:c4"}) {
		t.Errorf("SortByHit: %q", got)
	}

	var buf bytes.Buffer
	if err := c.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(c.Rows)+1 || strings.Join(recs[0], ",") != "document,start,end,label,left,hit,right" {
		t.Fatalf("CSV: %q", recs)
	}
	for i, r := range c.Rows {
		rec := recs[i+1]
		if rec[0] != r.Doc || rec[3] != r.Label || rec[4] != r.Left || rec[5] != r.Hit || rec[6] != r.Right {
			t.Errorf("CSV row %d = %q, want %+v", i, rec, r)
		}
		if got := string([]rune(map[string]string{"d1": text, "d2": "Beta said Lavrov zzz"}[r.Doc])[r.Start:r.End]); got != rec[5] {
			t.Errorf("CSV row %d offsets %s,%s cover %q, hit %q", i, rec[1], rec[2], got, rec[5])
		}
	}
}

// sortedWords lists the rows as "doc:words of one side".
func sortedWords(c Concordance, side func(Row) string) []string {
	var out []string
	for _, r := range c.Rows {
		out = append(out, r.Doc+":"+strings.Join(words(side(r)), " "))
	}
	return out
}
