package agree

import (
	"reflect"
	"strings"
	"testing"
)

func span(doc string, s, e int, label, ann string) Span {
	return Span{Document: doc, Start: s, End: e, Label: label, Annotator: ann}
}

func TestNoSpans(t *testing.T) {
	s := Study{Annotators: []string{"alice", "bob"}, Documents: []Document{{"d", 10}}}
	r := mustCompute(t, s)
	if r.AlphaU.Defined || len(r.Labels) != 0 || len(r.Pairs) != 1 || r.Pairs[0].F1Exact.Defined || r.Pairs[0].F1Overlap.Defined {
		t.Errorf("no spans, no labels: %+v", r)
	}
	s.Labels = []string{"claim"}
	r = mustCompute(t, s)
	l := r.Labels["claim"]
	if l.AlphaU.Defined || r.Pairs[0].Kappa["claim"].Defined || l.Units["alice"] != 0 || len(l.Units) != 2 {
		t.Errorf("an unused label: %+v, kappa %v", l, r.Pairs[0].Kappa["claim"])
	}
	// No documents at all.
	r = mustCompute(t, Study{Annotators: []string{"alice", "bob", "carol"}, Labels: []string{"claim"}})
	if r.AlphaU.Defined || r.Fleiss["claim"].Defined || r.Length != 0 {
		t.Errorf("no documents: %+v", r)
	}
}

func TestOneAnnotator(t *testing.T) {
	r := mustCompute(t, Study{Documents: []Document{{"d", 10}}, Spans: []Span{span("d", 0, 3, "claim", "alice")}})
	if !reflect.DeepEqual(r.Annotators, []string{"alice"}) || r.AlphaU.Defined || len(r.Pairs) != 0 || len(r.Fleiss) != 0 {
		t.Errorf("one annotator: %+v", r)
	}
	if r.Labels["claim"].Units["alice"] != 1 || r.Labels["claim"].AlphaU.Defined {
		t.Errorf("one annotator's label: %+v", r.Labels["claim"])
	}
}

func TestIdenticalAnnotators(t *testing.T) {
	s := Study{Documents: []Document{{"d1", 20}, {"d2", 7}}}
	for _, a := range []string{"alice", "bob", "carol"} {
		s.Spans = append(s.Spans, span("d1", 0, 4, "claim", a), span("d1", 10, 20, "claim", a),
			span("d2", 0, 7, "claim", a), span("d1", 2, 9, "actor", a))
	}
	r := mustCompute(t, s)
	near(t, "alpha_u", r.AlphaU, 1, 1e-12)
	for _, l := range []string{"claim", "actor"} {
		near(t, "alpha_u "+l, r.Labels[l].AlphaU, 1, 1e-12)
		near(t, "fleiss "+l, r.Fleiss[l], 1, 1e-12)
		for _, p := range r.Pairs {
			near(t, "kappa "+l, p.Kappa[l], 1, 1e-12)
		}
	}
	for _, p := range r.Pairs {
		near(t, "f1_exact", p.F1Exact, 1, 0)
		near(t, "f1_overlap", p.F1Overlap, 1, 0)
	}
}

// TestUnusedLabel: a label in scope that nobody used is reported, undefined,
// and changes neither the overall alpha_u nor the other labels.
func TestUnusedLabel(t *testing.T) {
	s := krippendorff1995(1)
	r1 := mustCompute(t, s)
	s.Labels = []string{"A", "B", "C", "D", "unused"}
	r2 := mustCompute(t, s)
	if r1.AlphaU != r2.AlphaU {
		t.Errorf("an unused label changed alpha_u from %v to %v", r1.AlphaU, r2.AlphaU)
	}
	if u := r2.Labels["unused"]; u.AlphaU.Defined || u.Units["r0"] != 0 {
		t.Errorf("unused label: %+v", u)
	}
	if _, ok := r1.Labels["unused"]; ok {
		t.Error("a label nobody used appears without being asked for")
	}
}

// TestDocumentEnds: units touching both ends of documents, and document
// order, which must not matter since a gap ends at a document boundary.
func TestDocumentEnds(t *testing.T) {
	s := Study{Documents: []Document{{"a", 10}, {"b", 10}, {"c", 5}}, Spans: []Span{
		span("a", 6, 10, "x", "alice"), span("b", 0, 4, "x", "alice"), span("c", 0, 5, "x", "alice"),
		span("a", 7, 10, "x", "bob"), span("b", 0, 3, "x", "bob"), span("c", 0, 5, "x", "bob"),
	}}
	r := mustCompute(t, s)
	s.Documents = []Document{{"c", 5}, {"b", 10}, {"a", 10}}
	if r2 := mustCompute(t, s); !reflect.DeepEqual(r, r2) {
		t.Errorf("document order changed the result:\n%+v\n%+v", r, r2)
	}
	// D_o: a: [6,10) vs [7,10): 1²+0² = 1; b: [0,4) vs [0,3): 0+1 = 1;
	// c: identical. The gaps [0,6)/[0,7) and [4,10)/[3,10) only partly
	// overlap the units, so they add nothing. D_o = 2·2/(2·1·25²).
	near(t, "D_o", r.Labels["x"].Do, 4.0/(2*625), 1e-15)
	if !r.Labels["x"].AlphaU.Defined || r.Labels["x"].AlphaU.X >= 1 {
		t.Errorf("alpha_u = %v", r.Labels["x"].AlphaU)
	}
}

// TestUnionRule: one annotator's overlapping spans of a label become their
// union; touching spans stay two units.
func TestUnionRule(t *testing.T) {
	s := Study{Documents: []Document{{"d", 30}}, Spans: []Span{
		span("d", 0, 5, "x", "alice"), span("d", 3, 8, "x", "alice"), span("d", 4, 6, "x", "alice"),
		span("d", 10, 12, "x", "alice"), span("d", 12, 14, "x", "alice"),
		span("d", 0, 8, "x", "bob"), span("d", 10, 12, "x", "bob"), span("d", 12, 14, "x", "bob"),
	}}
	r := mustCompute(t, s)
	l := r.Labels["x"]
	if l.Units["alice"] != 3 || l.Units["bob"] != 3 || !reflect.DeepEqual(l.Merged, map[string]int{"alice": 2}) {
		t.Errorf("units %v, merged %v; want 3 each, alice 2 merged", l.Units, l.Merged)
	}
	near(t, "alpha_u after the union", l.AlphaU, 1, 1e-12)
	near(t, "kappa", r.Pairs[0].Kappa["x"], 1, 1e-12)
	// F1 counts spans as marked, not units: alice's 5 against bob's 3
	// share 2 exactly; every span overlaps one of the other.
	near(t, "f1_exact", r.Pairs[0].F1Exact, 2*2.0/8, 1e-12)
	near(t, "f1_overlap", r.Pairs[0].F1Overlap, 1, 1e-12)
}

func TestScopeAndErrors(t *testing.T) {
	docs := []Document{{"d", 10}}
	// Spans of other documents, annotators and labels are outside the
	// scope and ignored, even when they would not fit.
	r := mustCompute(t, Study{Annotators: []string{"alice", "bob"}, Labels: []string{"x"}, Documents: docs, Spans: []Span{
		span("d", 0, 3, "x", "alice"), span("other", 0, 99, "x", "alice"),
		span("d", 0, 99, "x", "carol"), span("d", 0, 99, "y", "bob"),
	}})
	if r.Labels["x"].Units["alice"] != 1 || r.Labels["x"].Units["bob"] != 0 || len(r.Labels) != 1 {
		t.Errorf("scope: %+v", r.Labels)
	}
	for _, c := range []struct {
		s    Study
		want string
	}{
		{Study{Documents: docs, Spans: []Span{{ID: "s-1", Document: "d", Start: 5, End: 11, Label: "x", Annotator: "a"}}}, `"s-1" [5, 11)`},
		{Study{Documents: docs, Spans: []Span{span("d", 4, 4, "x", "a")}}, "#1 [4, 4)"},
		{Study{Documents: docs, Spans: []Span{span("d", -1, 4, "x", "a")}}, `document "d" of length 10`},
		{Study{Documents: []Document{{"d", 1}, {"d", 2}}}, `document "d" is listed twice`},
		{Study{Documents: []Document{{"d", -1}}}, "negative length"},
		{Study{Annotators: []string{"a", "a"}}, `annotator "a" is listed twice`},
		{Study{Labels: []string{"x", "x"}}, `label "x" is listed twice`},
	} {
		if _, err := Compute(c.s); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", err, c.want)
		}
	}
	if _, err := ComputeDocument(Study{Documents: docs}, "nope"); err == nil {
		t.Error("an unknown document was accepted")
	}
}

// TestPerDocument: ComputeDocument and ByDocument agree, keep the study's
// annotators and labels, and equal a study of that document alone.
func TestPerDocument(t *testing.T) {
	s := Study{Documents: []Document{{"a", 10}, {"b", 12}}, Spans: []Span{
		span("a", 0, 4, "x", "alice"), span("a", 1, 4, "x", "bob"),
		span("b", 2, 9, "y", "alice"), span("b", 2, 8, "y", "bob"), span("b", 9, 12, "y", "carol"),
	}}
	all, err := ByDocument(s)
	if err != nil || len(all) != 2 {
		t.Fatalf("ByDocument: %v, %v", all, err)
	}
	for i, d := range s.Documents {
		one, err := ComputeDocument(s, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if all[i].Document != d.ID || !reflect.DeepEqual(all[i].Result, one) {
			t.Errorf("document %s: ByDocument %+v, ComputeDocument %+v", d.ID, all[i], one)
		}
		if one.Documents != 1 || one.Length != int64(d.Length) || len(one.Annotators) != 3 || len(one.Labels) != 2 {
			t.Errorf("document %s: %+v", d.ID, one)
		}
		alone := s
		alone.Annotators, alone.Labels = []string{"alice", "bob", "carol"}, []string{"x", "y"}
		alone.Documents = []Document{d}
		if r := mustCompute(t, alone); !reflect.DeepEqual(r, one) {
			t.Errorf("document %s alone: %+v, per document %+v", d.ID, r, one)
		}
	}
	if a := all[0].Result.Labels["y"]; a.Units["alice"] != 0 || a.AlphaU.Defined {
		t.Errorf("label y in document a: %+v", a)
	}
}
