package agree

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchStudy is 3 annotators with 100,000 spans each over 10,000
// documents of about 5,000 code points, 5 labels: each coder copies,
// shifts or drops a common base set of spans, and adds spans of its own.
func benchStudy() Study {
	rng := rand.New(rand.NewPCG(3, 100000))
	s := Study{Annotators: []string{"alice", "bob", "carol"}}
	labels := []string{"claim", "premise", "actor", "place", "date"}
	for d := range 10000 {
		id := fmt.Sprint("doc", d)
		n := 4000 + rng.IntN(2000)
		s.Documents = append(s.Documents, Document{ID: id, Length: n})
		for k := range 10 {
			start := k*n/10 + rng.IntN(n/20)
			end := start + 1 + rng.IntN(n/20)
			label := labels[rng.IntN(len(labels))]
			for _, a := range s.Annotators {
				sp := Span{Document: id, Start: start, End: end, Label: label, Annotator: a}
				switch rng.IntN(6) {
				case 0: // shifted
					sp.Start = max(0, sp.Start-rng.IntN(5))
					sp.End = min(n, sp.End+rng.IntN(5))
				case 1: // elsewhere
					sp.Start = rng.IntN(n - 1)
					sp.End = min(n, sp.Start+1+rng.IntN(80))
				}
				s.Spans = append(s.Spans, sp)
			}
		}
	}
	return s
}

// BenchmarkAgreement computes every figure for 3 annotators × 100,000
// spans on 10,000 documents (target: under 2 s).
func BenchmarkAgreement(b *testing.B) {
	s := benchStudy()
	b.ResetTimer()
	for range b.N {
		if _, err := Compute(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementByDocument computes the figures of each of the 10,000
// documents in turn.
func BenchmarkAgreementByDocument(b *testing.B) {
	s := benchStudy()
	b.ResetTimer()
	for range b.N {
		if _, err := ByDocument(s); err != nil {
			b.Fatal(err)
		}
	}
}
