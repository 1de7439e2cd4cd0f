package textview

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"gloss/annotate"
)

// TestSortSpansMatchesFullSort: mending a sorted list with a few spans
// appended, and sorting any other list, both give spanOrder.
func TestSortSpansMatchesFullSort(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	span := func(i int) *annotate.Span {
		s := rng.Intn(500)
		return &annotate.Span{ID: fmt.Sprint(i), Start: s, End: s + 1 + rng.Intn(20)}
	}
	for _, tc := range []struct {
		name        string
		sorted, new int
	}{
		{"one span added to many", 1000, 1},
		{"a few added", 1000, fewNew},
		{"more than a few", 1000, fewNew + 1},
		{"all new", 0, 200},
		{"empty", 0, 0},
		{"one", 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var list []*annotate.Span
			for i := 0; i < tc.sorted; i++ {
				list = append(list, span(i))
			}
			slices.SortFunc(list, spanOrder)
			for i := 0; i < tc.new; i++ {
				list = append(list, span(tc.sorted+i))
			}
			want := slices.Clone(list)
			slices.SortFunc(want, spanOrder)
			sortSpans(list)
			for i := range want {
				if list[i] != want[i] {
					t.Fatalf("position %d: %+v, want %+v", i, *list[i], *want[i])
				}
			}
		})
	}
}
