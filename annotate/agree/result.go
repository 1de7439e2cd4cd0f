package agree

import "slices"

// Result holds every figure of a study. Its JSON form is documented by
// docs/agreement.schema.json.
type Result struct {
	Annotators []string               `json:"annotators"`
	Documents  int                    `json:"documents"`
	Length     int64                  `json:"length"`  // L, in code points
	AlphaU     Value                  `json:"alpha_u"` // over the labels someone used
	Labels     map[string]LabelResult `json:"labels"`
	Pairs      []Pair                 `json:"pairs"`
	// Fleiss holds Fleiss' kappa per label over code points; it is empty
	// unless more than two annotators are compared.
	Fleiss map[string]Value `json:"fleiss"`
}

// LabelResult holds the figures of one label.
type LabelResult struct {
	AlphaU Value `json:"alpha_u"`
	// Units counts each annotator's units of the label after the union
	// rule.
	Units map[string]int `json:"units"`
	// Merged counts, per annotator, the spans that overlapped another span
	// of the same annotator and label and were merged into their union;
	// annotators with none are left out, and so is the key when nobody has
	// any.
	Merged map[string]int `json:"merged,omitempty"`
	// Do and De are D_o(c) and D_e(c) of alpha_u (not in the JSON).
	Do Value `json:"-"`
	De Value `json:"-"`
}

// Pair holds the figures of one pair of annotators.
type Pair struct {
	A         string           `json:"a"`
	B         string           `json:"b"`
	F1Exact   Value            `json:"f1_exact"`
	F1Overlap Value            `json:"f1_overlap"`
	Kappa     map[string]Value `json:"kappa"` // Cohen's kappa per label over code points
}

// DocumentResult is the figures of one document. In JSON it is a Result
// with one more key, "document".
type DocumentResult struct {
	Document string `json:"document"`
	Result
}

// Compute returns every figure of s over all its documents.
func Compute(s Study) (Result, error) {
	p, err := prepare(s)
	if err != nil {
		return Result{}, err
	}
	return p.compute(p.docs, p.spans), nil
}

// ComputeDocument returns the figures of one document of s, as if it were
// the only document in scope. The annotators and labels are those of the
// whole study (see Study), so that documents can be compared.
func ComputeDocument(s Study, document string) (Result, error) {
	p, err := prepare(s)
	if err != nil {
		return Result{}, err
	}
	d := slices.IndexFunc(p.docs, func(d Document) bool { return d.ID == document })
	if d < 0 {
		return Result{}, errUnknownDocument(document)
	}
	var spans []ispan
	for _, sp := range p.spans {
		if sp.doc == d {
			sp.doc = 0
			spans = append(spans, sp)
		}
	}
	return p.compute(p.docs[d:d+1], spans), nil
}

// ByDocument returns the figures of every document of s in turn, in the
// order of s.Documents, as ComputeDocument does for one.
func ByDocument(s Study) ([]DocumentResult, error) {
	p, err := prepare(s)
	if err != nil {
		return nil, err
	}
	buckets := make([][]ispan, len(p.docs))
	for _, sp := range p.spans {
		d := sp.doc
		sp.doc = 0
		buckets[d] = append(buckets[d], sp)
	}
	out := make([]DocumentResult, len(p.docs))
	for d, doc := range p.docs {
		out[d] = DocumentResult{Document: doc.ID, Result: p.compute(p.docs[d:d+1], buckets[d])}
	}
	return out, nil
}

// compute returns the figures over docs; spans index into docs.
func (p *prepared) compute(docs []Document, spans []ispan) Result {
	R := len(p.annotators)
	var L int64
	for _, d := range docs {
		L += int64(d.Length)
	}
	res := Result{
		Annotators: slices.Clone(p.annotators),
		Documents:  len(docs),
		Length:     L,
		Labels:     make(map[string]LabelResult, len(p.labels)),
		Pairs:      []Pair{},
		Fleiss:     map[string]Value{},
	}
	if res.Annotators == nil {
		res.Annotators = []string{}
	}
	groups := build(p, docs, spans)
	var sumDo, sumDe float64
	used := 0
	for l, g := range groups {
		dis := unitizing(g, docs, R, L)
		lr := LabelResult{Units: make(map[string]int, R)}
		for a, name := range p.annotators {
			lr.Units[name] = g.units[a]
			if g.merged[a] > 0 {
				if lr.Merged == nil {
					lr.Merged = map[string]int{}
				}
				lr.Merged[name] = g.merged[a]
			}
		}
		if dis.used && R >= 2 && L > 0 {
			lr.Do, lr.De = Of(dis.do), Of(dis.de)
			lr.AlphaU = oneMinus(ratio(dis.do, dis.de))
			sumDo += dis.do
			sumDe += dis.de
			used++
		}
		res.Labels[p.labels[l]] = lr
		if R > 2 {
			hist := make([]int64, R+1)
			for _, c := range g.cells {
				coverageHistogram(c, hist)
			}
			res.Fleiss[p.labels[l]] = codePointFleiss(hist, R, L)
		}
	}
	if used > 0 {
		res.AlphaU = oneMinus(ratio(sumDo, sumDe))
	}
	for a := 0; a < R; a++ {
		for b := a + 1; b < R; b++ {
			res.Pairs = append(res.Pairs, p.pair(groups, a, b, L))
		}
	}
	return res
}

// pair returns the figures of annotators a and b.
func (p *prepared) pair(groups []group, a, b int, L int64) Pair {
	pr := Pair{A: p.annotators[a], B: p.annotators[b], Kappa: make(map[string]Value, len(groups))}
	var nA, nB, exact, bHit, aHit int
	for l, g := range groups {
		var covA, covB, both int64
		for _, c := range g.cells {
			ua, ub := c.units[a], c.units[b]
			covA += int64(coverage(ua))
			covB += int64(coverage(ub))
			both += int64(intersection(ua, ub))
			ra, rb := c.raw[a], c.raw[b]
			nA += len(ra)
			nB += len(rb)
			exact += common(ra, rb)
			for _, iv := range rb {
				if overlapsAny(ua, iv.s, iv.e) {
					bHit++
				}
			}
			for _, iv := range ra {
				if overlapsAny(ub, iv.s, iv.e) {
					aHit++
				}
			}
		}
		pr.Kappa[p.labels[l]] = codePointKappa(L, covA, covB, both)
	}
	pr.F1Exact = ratio(2*float64(exact), float64(nA+nB))
	pr.F1Overlap = harmonic(ratio(float64(bHit), float64(nB)), ratio(float64(aHit), float64(nA)))
	return pr
}

// common counts the intervals two sorted lists of distinct intervals share.
func common(a, b []interval) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i, j = i+1, j+1
		case a[i].s < b[j].s || a[i].s == b[j].s && a[i].e < b[j].e:
			i++
		default:
			j++
		}
	}
	return n
}

// harmonic is 2PR/(P+R): undefined when P or R is, and 0 when both are 0.
func harmonic(p, r Value) Value {
	if !p.Defined || !r.Defined {
		return Value{}
	}
	if p.X+r.X == 0 {
		return Of(0)
	}
	return Of(2 * p.X * r.X / (p.X + r.X))
}

// oneMinus is 1 − v.
func oneMinus(v Value) Value {
	if !v.Defined {
		return v
	}
	return Of(1 - v.X)
}
