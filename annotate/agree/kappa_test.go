package agree

import (
	"fmt"
	"math"
	"testing"
)

// TestCohen1960 checks Cohen's kappa on the two tables of Cohen (1960),
// as DKPro statistics' Cohen1960Test has them.
func TestCohen1960(t *testing.T) {
	// p. 37: p_o = 0.29, p_e = 0.35.
	ex1 := [][]float64{{25, 12, 3}, {13, 2, 15}, {12, 16, 2}}
	near(t, "kappa example 1", CohenKappa(ex1), (0.29-0.35)/(1-0.35), 1e-12)
	// p. 45: p_o = 0.70, p_e = 0.41, kappa = 0.492.
	ex2 := [][]float64{{88, 14, 18}, {10, 40, 10}, {2, 6, 12}}
	near(t, "kappa example 2", CohenKappa(ex2), 0.492, 0.001)
	if v := CohenKappa([][]float64{{0, 0}, {0, 7}}); v.Defined {
		t.Errorf("kappa with one category used = %v, want undefined", v)
	}
	if v := CohenKappa(nil); v.Defined {
		t.Errorf("kappa of no items = %v, want undefined", v)
	}
}

// fleiss1971 is the table of Fleiss (1971: 379): 30 patients, 6
// psychiatrists, 5 diagnoses, as DKPro's Fleiss1971Test lists it.
var fleiss1971 = [][]int{
	{4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
	{1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
	{1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
	{3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
	{5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
	{2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
}

func TestFleiss1971(t *testing.T) {
	counts := make([][]int, len(fleiss1971))
	for i, ratings := range fleiss1971 {
		counts[i] = make([]int, 5)
		for _, c := range ratings {
			counts[i][c-1]++
		}
	}
	v, err := FleissKappa(counts)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Fleiss' kappa", v, 0.430, 0.001)

	// The per-category kappas of Fleiss (1971) are the kappas of "this
	// category or not": exactly the code point formulation. Each patient is
	// a code point; each psychiatrist marks it with the diagnosis given.
	s := Study{Documents: []Document{{ID: "patients", Length: len(fleiss1971)}}}
	for r := range 6 {
		s.Annotators = append(s.Annotators, fmt.Sprintf("psychiatrist%d", r+1))
	}
	for i, ratings := range fleiss1971 {
		for r, c := range ratings {
			s.Spans = append(s.Spans, Span{Document: "patients", Start: i, End: i + 1,
				Label: fmt.Sprint(c), Annotator: s.Annotators[r]})
		}
	}
	res := mustCompute(t, s)
	for label, want := range map[string]float64{"1": 0.248, "2": 0.248, "3": 0.517, "4": 0.470, "5": 0.565} {
		near(t, "Fleiss' kappa of category "+label, res.Fleiss[label], want, 0.005)
	}
}

// TestFleissFourteenRaters is the example of 10 subjects rated by 14
// raters into 5 categories (Fleiss 1971 data layout, as on Wikipedia's
// Fleiss' kappa page): P̄ = 0.378, P̄_e = 0.213, kappa = 0.210.
func TestFleissFourteenRaters(t *testing.T) {
	counts := [][]int{
		{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
	}
	v, err := FleissKappa(counts)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Fleiss' kappa", v, 0.210, 0.001)
	if _, err := FleissKappa([][]int{{1, 1}, {3, 0}}); err == nil {
		t.Error("items with different numbers of raters were accepted")
	}
	if _, err := FleissKappa([][]int{{1, 0}}); err == nil {
		t.Error("one rater per item was accepted")
	}
	if v, err := FleissKappa([][]int{{3, 0}, {3, 0}}); err != nil || v.Defined {
		t.Errorf("Fleiss' kappa of one category = %v, %v; want undefined", v, err)
	}
}

// TestValueJSON checks that undefined figures are null, never NaN.
func TestValueJSON(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{{Value{}, "null"}, {Of(math.NaN()), "null"}, {Of(math.Inf(1)), "null"}, {Of(0.25), "0.25"}, {Of(-1), "-1"}} {
		b, err := c.v.MarshalJSON()
		if err != nil || string(b) != c.want {
			t.Errorf("%#v marshals to %s, %v; want %s", c.v, b, err, c.want)
		}
		var back Value
		if err := back.UnmarshalJSON(b); err != nil || back != c.v && c.v.Defined {
			t.Errorf("%s reads back as %#v, %v", b, back, err)
		}
	}
	if s := (Value{}).String(); s != "n/a" {
		t.Errorf("undefined prints as %q", s)
	}
}
