package agree

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// randomStudy makes documents, annotators and labels with overlapping,
// touching, copied and document-end spans.
func randomStudy(rng *rand.Rand) Study {
	s := Study{}
	for i := range 1 + rng.IntN(4) {
		s.Documents = append(s.Documents, Document{ID: fmt.Sprint("doc", i), Length: rng.IntN(40)})
	}
	for i := range 2 + rng.IntN(3) {
		s.Annotators = append(s.Annotators, fmt.Sprint("coder", i))
	}
	for i := range 1 + rng.IntN(3) {
		s.Labels = append(s.Labels, fmt.Sprint("label", i))
	}
	for range rng.IntN(30) {
		d := s.Documents[rng.IntN(len(s.Documents))]
		if d.Length == 0 {
			continue
		}
		start := rng.IntN(d.Length)
		end := start + 1 + rng.IntN(min(d.Length-start, 1+rng.IntN(12)))
		if rng.IntN(5) == 0 {
			end = d.Length
		}
		sp := Span{Document: d.ID, Start: start, End: end, Label: s.Labels[rng.IntN(len(s.Labels))],
			Annotator: s.Annotators[rng.IntN(len(s.Annotators))]}
		s.Spans = append(s.Spans, sp)
		if rng.IntN(2) == 0 { // another coder marks the same
			sp.Annotator = s.Annotators[rng.IntN(len(s.Annotators))]
			s.Spans = append(s.Spans, sp)
		}
	}
	return s
}

func same(t *testing.T, what string, got, want Value) {
	t.Helper()
	if got.Defined != want.Defined || got.Defined && math.Abs(got.X-want.X) > 1e-9 {
		t.Errorf("%s = %v, brute force %v", what, got, want)
	}
}

func TestAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2004))
	defined := map[string]int{}
	defer func() {
		// The comparison means something only if most figures are defined.
		for _, what := range []string{"alpha_u", "fleiss", "kappa", "f1_overlap"} {
			if defined[what] < 150 {
				t.Errorf("only %d random studies have a defined %s", defined[what], what)
			}
		}
	}()
	for i := range 400 {
		s := randomStudy(rng)
		got := mustCompute(t, s)
		want := bruteForce(s)
		if got.AlphaU.Defined {
			defined["alpha_u"]++
		}
		for _, v := range got.Fleiss {
			if v.Defined {
				defined["fleiss"]++
				break
			}
		}
		if len(got.Pairs) > 0 && got.Pairs[0].F1Overlap.Defined {
			defined["f1_overlap"]++
		}
		for _, v := range got.Pairs[0].Kappa {
			if v.Defined {
				defined["kappa"]++
				break
			}
		}
		compareBrute(t, fmt.Sprintf("study %d", i), got, want)
		// Per document, as if it were alone.
		docs, err := ByDocument(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, dr := range docs {
			one := s
			one.Documents = []Document{{ID: dr.Document, Length: int(dr.Result.Length)}}
			compareBrute(t, fmt.Sprintf("study %d, %s", i, dr.Document), dr.Result, bruteForce(one))
		}
	}
}

func compareBrute(t *testing.T, where string, got Result, want brute) {
	t.Helper()
	same(t, where+": alpha_u", got.AlphaU, want.alpha)
	for c, w := range want.labels {
		same(t, where+": alpha_u of "+c, got.Labels[c].AlphaU, w[0])
		same(t, where+": D_o of "+c, got.Labels[c].Do, w[1])
		same(t, where+": D_e of "+c, got.Labels[c].De, w[2])
		for a, n := range want.units[c] {
			if got.Labels[c].Units[a] != n {
				t.Errorf("%s: units of %s by %s = %d, brute force %d", where, c, a, got.Labels[c].Units[a], n)
			}
		}
	}
	if len(got.Fleiss) != len(want.fleiss) {
		t.Errorf("%s: %d Fleiss figures, brute force %d", where, len(got.Fleiss), len(want.fleiss))
	}
	for c, w := range want.fleiss {
		same(t, where+": Fleiss of "+c, got.Fleiss[c], w)
	}
	if len(got.Pairs) != len(want.f1) {
		t.Errorf("%s: %d pairs, want %d", where, len(got.Pairs), len(want.f1))
	}
	for _, p := range got.Pairs {
		key := [2]string{p.A, p.B}
		same(t, where+": f1_exact "+p.A+"/"+p.B, p.F1Exact, want.f1[key])
		same(t, where+": f1_overlap "+p.A+"/"+p.B, p.F1Overlap, want.f1ovl[key])
		for c, w := range want.kappa[key] {
			same(t, where+": kappa of "+c+" "+p.A+"/"+p.B, p.Kappa[c], w)
		}
	}
}
