package agree

import (
	"fmt"
	"math"
	"testing"
)

// unit is a unit as DKPro statistics' UnitizingAnnotationStudy.addUnit
// takes it: offset, length, rater, category.
type unit struct {
	offset, length, rater int
	label                 string
}

// dkproStudy turns a DKPro unitizing study over [begin, begin+length) with
// raters annotators into one document of that length.
func dkproStudy(raters, begin, length int, units ...unit) Study {
	s := Study{Documents: []Document{{ID: "d", Length: length}}}
	for r := range raters {
		s.Annotators = append(s.Annotators, fmt.Sprintf("r%d", r))
	}
	for _, u := range units {
		s.Spans = append(s.Spans, Span{Document: "d", Start: u.offset - begin, End: u.offset - begin + u.length,
			Label: u.label, Annotator: fmt.Sprintf("r%d", u.rater)})
	}
	return s
}

func near(t *testing.T, what string, got Value, want, tol float64) {
	t.Helper()
	if !got.Defined || math.Abs(got.X-want) > tol {
		t.Errorf("%s = %v, want %.5f ± %g", what, got, want, tol)
	}
}

func mustCompute(t *testing.T, s Study) Result {
	t.Helper()
	r, err := Compute(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestKrippendorff2004 is the worked example of Krippendorff (2004: 254),
// with DKPro statistics' Krippendorff2004Test assertions.
func TestKrippendorff2004(t *testing.T) {
	s := dkproStudy(2, 150, 300,
		unit{225, 70, 0, "c"}, unit{370, 30, 0, "c"},
		unit{220, 80, 1, "c"}, unit{355, 20, 1, "c"}, unit{400, 20, 1, "c"},
		unit{180, 60, 0, "k"}, unit{300, 50, 0, "k"},
		unit{180, 60, 1, "k"}, unit{300, 50, 1, "k"})
	r := mustCompute(t, s)
	near(t, "alpha_u", r.AlphaU, 0.8591, 0.0005)
	c, k := r.Labels["c"], r.Labels["k"]
	near(t, "D_o(c)", c.Do, 0.0144, 0.0001)
	near(t, "D_e(c)", c.De, 0.0532, 0.0001)
	near(t, "alpha_u(c)", c.AlphaU, 0.7286, 0.0001)
	near(t, "D_o(k)", k.Do, 0, 0.0001)
	near(t, "D_e(k)", k.De, 0.0490, 0.0001)
	near(t, "alpha_u(k)", k.AlphaU, 1, 0.0001)
	if r.Length != 300 || r.Documents != 1 {
		t.Errorf("length %d, documents %d; want 300, 1", r.Length, r.Documents)
	}
}

// TestKrippendorff2004Distance checks the distance function against the
// segment pairs of DKPro's Krippendorff2004Test and UnitizingAgreementTest
// (offset, length, unit or gap).
func TestKrippendorff2004Distance(t *testing.T) {
	sg := func(off, length int, unit bool) seg { return seg{off, off + length, unit} }
	cases := []struct {
		a, b seg
		want int64
	}{
		{sg(5, 6, true), sg(4, 2, true), 26},
		{sg(5, 6, true), sg(5, 2, true), 16},
		{sg(5, 6, true), sg(6, 2, true), 10},
		{sg(5, 6, true), sg(7, 2, true), 8},
		{sg(5, 6, true), sg(6, 4, true), 2},
		{sg(5, 6, true), sg(5, 6, true), 0},
		{sg(225, 70, true), sg(220, 80, true), 50},
		{sg(370, 30, true), sg(355, 20, true), 850},
		{sg(400, 50, false), sg(400, 20, true), 400},
		{sg(0, 1, false), sg(0, 2, false), 0},
		{sg(1, 8, true), sg(0, 2, false), 0},
		{sg(1, 8, true), sg(2, 1, true), 37},
		{sg(1, 8, true), sg(4, 1, true), 25},
		{sg(1, 8, true), sg(6, 1, true), 29},
		{sg(1, 8, true), sg(7, 4, false), 0},
		{sg(5, 6, true), sg(4, 7, false), 36},
	}
	for _, c := range cases {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := distance(c.b, c.a); got != c.want {
			t.Errorf("distance(%v, %v) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}

// TestUnitizingAgreementDKPro is DKPro's UnitizingAgreementTest: one
// long unit against three short ones.
func TestUnitizingAgreementDKPro(t *testing.T) {
	r := mustCompute(t, dkproStudy(2, 0, 10,
		unit{1, 8, 0, "A"}, unit{2, 1, 1, "A"}, unit{4, 1, 1, "A"}, unit{6, 1, 1, "A"}))
	a := r.Labels["A"]
	near(t, "D_o(A)", a.Do, 0.9100, 0.0001)
	near(t, "D_e(A)", a.De, 0.5351, 0.0001)
	near(t, "alpha_u(A)", a.AlphaU, -0.7003, 0.0001)

	// testSingleAnnotationUnit: D_o = D_e, so alpha_u is 0.
	r = mustCompute(t, dkproStudy(3, 0, 20, unit{0, 1, 0, "X"}))
	near(t, "alpha_u single unit", r.AlphaU, 0, 1e-12)

	// testEmptyAnnotationSet: 0/0, null rather than NaN.
	r = mustCompute(t, dkproStudy(3, 0, 20))
	if r.AlphaU.Defined {
		t.Errorf("alpha_u with no units = %v, want undefined", r.AlphaU)
	}
}

// krippendorff1995 is the example of Krippendorff (1995: 57) as DKPro's
// Krippendorff1995Test builds it, stretched by a factor.
func krippendorff1995(stretch float64) Study {
	x := func(v int) int { return int(float64(v) * stretch) }
	var us []unit
	add := func(off, length, rater int, label string) {
		if x(length) > 0 { // at stretch 0.5, DKPro keeps empty units of B; a span is never empty
			us = append(us, unit{x(off), x(length), rater, label})
		}
	}
	add(2, 8, 0, "A")
	add(14, 6, 0, "A")
	add(4, 4, 1, "A")
	add(15, 2, 1, "A")
	add(0, 18, 0, "B")
	for _, b := range [][2]int{{0, 2}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 3}, {9, 1}} {
		add(b[0], b[1], 1, "B")
	}
	for _, c := range [][2]int{{2, 6}, {10, 2}, {14, 4}, {20, 2}} {
		add(c[0], c[1], 0, "C")
	}
	for _, c := range [][2]int{{0, 2}, {4, 4}, {10, 4}, {16, 2}, {20, 2}} {
		add(c[0], c[1], 1, "C")
	}
	for _, d := range [][2]int{{0, 2}, {2, 8}, {10, 4}, {14, 6}, {20, 4}} {
		add(d[0], d[1], 0, "D")
	}
	for _, d := range [][2]int{{0, 4}, {4, 4}, {8, 7}, {15, 2}, {17, 7}} {
		add(d[0], d[1], 1, "D")
	}
	return dkproStudy(2, 0, x(24), us...)
}

// TestKrippendorff1995 reproduces DKPro's Krippendorff1995Test: D_o of the
// four pairs of coders, D_e at several stretches, alpha_u per label, and
// the kappa of the digitized (code point) data.
func TestKrippendorff1995(t *testing.T) {
	r := mustCompute(t, krippendorff1995(1))
	for label, want := range map[string]float64{"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715} {
		near(t, "D_o("+label+")", r.Labels[label].Do, want, 0.00001)
	}
	// Cohen's kappa over code points, as DKPro computes it on the
	// digitized study; D has no code point outside a unit: undefined.
	kappa := r.Pairs[0].Kappa
	near(t, "kappa(A)", kappa["A"], 0.385, 0.001)
	near(t, "kappa(B)", kappa["B"], 0.385, 0.001)
	near(t, "kappa(C)", kappa["C"], 0.314, 0.001)
	if kappa["D"].Defined {
		t.Errorf("kappa(D) = %v, want undefined", kappa["D"])
	}

	r = mustCompute(t, krippendorff1995(0.5))
	near(t, "D_o(C) at 12", r.Labels["C"].Do, 0.02777, 0.00001)
	near(t, "D_e(C) at 12", r.Labels["C"].De, 0.05494, 0.00001)
	near(t, "alpha_u(C) at 12", r.Labels["C"].AlphaU, 0.494, 0.02)
	for _, c := range []struct {
		stretch, de, alpha float64
	}{{5, 0.08234, 0.663}, {50, 0.08600, 0.677}, {500, 0.08638, 0.678}, {5000, 0.08642, 0.679}, {50000, 0.08642, 0.679}} {
		r = mustCompute(t, krippendorff1995(c.stretch))
		what := fmt.Sprintf(" at stretch %g", c.stretch)
		near(t, "D_o(C)"+what, r.Labels["C"].Do, 0.02777, 0.00001)
		near(t, "D_e(C)"+what, r.Labels["C"].De, c.de, 0.005)
		near(t, "alpha_u(C)"+what, r.Labels["C"].AlphaU, c.alpha, 0.02)
	}
	for label, want := range map[string][2]float64{
		"A": {0.06990, 0.553}, "B": {1.17731, -0.926}, "C": {0.08642, 0.679}, "D": {0.41445, 0.066}} {
		near(t, "D_e("+label+")", r.Labels[label].De, want[0], 0.005)
		near(t, "alpha_u("+label+")", r.Labels[label].AlphaU, want[1], 0.02)
	}
}
