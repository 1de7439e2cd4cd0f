package agree

// This file computes every figure again from the literal definitions, with
// no sweep, no sorting trick and no prefix sum, and compares on random
// studies.

type bseg struct {
	off, length int
	unit        bool
}

// bruteUnion merges overlapping intervals pairwise until none overlap.
func bruteUnion(in [][2]int) [][2]int {
	u := append([][2]int(nil), in...)
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(u) && !changed; i++ {
			for j := i + 1; j < len(u) && !changed; j++ {
				if u[i][0] < u[j][1] && u[j][0] < u[i][1] {
					u[i] = [2]int{min(u[i][0], u[j][0]), max(u[i][1], u[j][1])}
					u = append(u[:j], u[j+1:]...)
					changed = true
				}
			}
		}
	}
	return u
}

// bruteSegments lists units, then the gaps as runs of code points no unit
// covers.
func bruteSegments(units [][2]int, n int) []bseg {
	covered := make([]bool, n)
	var out []bseg
	for _, u := range units {
		out = append(out, bseg{u[0], u[1] - u[0], true})
		for p := u[0]; p < u[1]; p++ {
			covered[p] = true
		}
	}
	for p := 0; p < n; {
		if covered[p] {
			p++
			continue
		}
		q := p
		for q < n && !covered[q] {
			q++
		}
		out = append(out, bseg{p, q - p, false})
		p = q
	}
	return out
}

// bruteDistance is DKPro's measureDistance, written as it is there.
func bruteDistance(a, b bseg) float64 {
	beginDiff, lengthDiff := float64(a.off-b.off), float64(a.length-b.length)
	l1, l2 := float64(a.length), float64(b.length)
	switch {
	case a.unit && b.unit && -l1 < beginDiff && beginDiff < l2:
		return beginDiff*beginDiff + (beginDiff+lengthDiff)*(beginDiff+lengthDiff)
	case a.unit && !b.unit && -lengthDiff >= beginDiff && beginDiff >= 0:
		return l1 * l1
	case !a.unit && b.unit && -lengthDiff <= beginDiff && beginDiff <= 0:
		return l2 * l2
	}
	return 0
}

type brute struct {
	alpha     Value
	labels    map[string][3]Value // alpha_u, D_o, D_e
	units     map[string]map[string]int
	kappa     map[[2]string]map[string]Value
	fleiss    map[string]Value
	f1, f1ovl map[[2]string]Value
}

func bruteForce(s Study) brute {
	R := len(s.Annotators)
	L := 0
	for _, d := range s.Documents {
		L += d.Length
	}
	b := brute{labels: map[string][3]Value{}, units: map[string]map[string]int{},
		kappa: map[[2]string]map[string]Value{}, fleiss: map[string]Value{},
		f1: map[[2]string]Value{}, f1ovl: map[[2]string]Value{}}
	// raw[label][doc][annotator] = spans
	raw := func(label, doc, ann string) [][2]int {
		var out [][2]int
		for _, sp := range s.Spans {
			if sp.Label == label && sp.Document == doc && sp.Annotator == ann {
				out = append(out, [2]int{sp.Start, sp.End})
			}
		}
		return out
	}
	var sumDo, sumDe float64
	used := false
	for _, c := range s.Labels {
		b.units[c] = map[string]int{}
		var observed float64
		var unitLens, gapLens []float64
		hist := map[int]int{}
		for _, d := range s.Documents {
			segs := make([][]bseg, R)
			cover := make([][]bool, R)
			for r, a := range s.Annotators {
				units := bruteUnion(raw(c, d.ID, a))
				b.units[c][a] += len(units)
				segs[r] = bruteSegments(units, d.Length)
				cover[r] = make([]bool, d.Length)
				for _, u := range units {
					for p := u[0]; p < u[1]; p++ {
						cover[r][p] = true
					}
				}
				for _, sg := range segs[r] {
					if sg.unit {
						unitLens = append(unitLens, float64(sg.length))
					} else {
						gapLens = append(gapLens, float64(sg.length))
					}
				}
			}
			for r1 := range R {
				for r2 := r1 + 1; r2 < R; r2++ {
					for _, x := range segs[r1] {
						for _, y := range segs[r2] {
							if x.off < y.off+y.length && y.off < x.off+x.length {
								observed += bruteDistance(x, y)
							}
						}
					}
				}
			}
			for p := 0; p < d.Length; p++ {
				k := 0
				for r := range R {
					if cover[r][p] {
						k++
					}
				}
				hist[k]++
			}
		}
		// D_e: the literal double sum over units and gaps.
		var de [3]Value
		if len(unitLens) > 0 && R >= 2 && L > 0 {
			nc := float64(len(unitLens))
			var num, squares float64
			for _, l := range unitLens {
				num += (nc - 1) * (2*l*l*l - 3*l*l + l) / 3
				for _, g := range gapLens {
					if g >= l {
						num += l * l * (g - l + 1)
					}
				}
				squares += l * (l - 1)
			}
			rl := float64(R * L)
			do := 2 * observed / float64(R*(R-1)) / float64(L*L)
			dE := 2 / float64(L) * num / (rl*(rl-1) - squares)
			de = [3]Value{Of(1 - do/dE), Of(do), Of(dE)}
			if dE == 0 {
				de[0] = Value{}
			}
			sumDo += do
			sumDe += dE
			used = true
		}
		b.labels[c] = de
		// Fleiss over code points: P_i per code point, the literal way.
		if R > 2 && L > 0 {
			var pbar, p1 float64
			for k, n := range hist {
				pi := float64(k*(k-1)+(R-k)*(R-k-1)) / float64(R*(R-1))
				pbar += float64(n) * pi / float64(L)
				p1 += float64(n*k) / float64(L*R)
			}
			pe := p1*p1 + (1-p1)*(1-p1)
			b.fleiss[c] = Value{}
			if pe != 1 {
				b.fleiss[c] = Of((pbar - pe) / (1 - pe))
			}
		} else if R > 2 {
			b.fleiss[c] = Value{}
		}
	}
	if used && sumDe > 0 {
		b.alpha = Of(1 - sumDo/sumDe)
	}
	for i, a := range s.Annotators {
		for _, o := range s.Annotators[i+1:] {
			key := [2]string{a, o}
			b.kappa[key] = map[string]Value{}
			for _, c := range s.Labels {
				var n [2][2]int
				for _, d := range s.Documents {
					ca, co := make([]bool, d.Length), make([]bool, d.Length)
					for _, sp := range raw(c, d.ID, a) {
						for p := sp[0]; p < sp[1]; p++ {
							ca[p] = true
						}
					}
					for _, sp := range raw(c, d.ID, o) {
						for p := sp[0]; p < sp[1]; p++ {
							co[p] = true
						}
					}
					for p := range d.Length {
						x, y := 0, 0
						if ca[p] {
							x = 1
						}
						if co[p] {
							y = 1
						}
						n[x][y]++
					}
				}
				po := float64(n[0][0]+n[1][1]) / float64(L)
				pa, pb := float64(n[1][0]+n[1][1])/float64(L), float64(n[0][1]+n[1][1])/float64(L)
				pe := pa*pb + (1-pa)*(1-pb)
				b.kappa[key][c] = Value{}
				if L > 0 && pe != 1 {
					b.kappa[key][c] = Of((po - pe) / (1 - pe))
				}
			}
			// F1 over distinct tuples.
			type tuple struct {
				doc   string
				s, e  int
				label string
			}
			set := func(ann string) map[tuple]bool {
				m := map[tuple]bool{}
				inScope := map[string]bool{}
				for _, d := range s.Documents {
					inScope[d.ID] = true
				}
				for _, sp := range s.Spans {
					if sp.Annotator == ann && inScope[sp.Document] {
						m[tuple{sp.Document, sp.Start, sp.End, sp.Label}] = true
					}
				}
				return m
			}
			A, B := set(a), set(o)
			both := 0
			for t := range A {
				if B[t] {
					both++
				}
			}
			b.f1[key] = Value{}
			if len(A)+len(B) > 0 {
				b.f1[key] = Of(2 * float64(both) / float64(len(A)+len(B)))
			}
			hits := func(X, Y map[tuple]bool) int {
				n := 0
				for x := range X {
					for y := range Y {
						if x.doc == y.doc && x.label == y.label && x.s < y.e && y.s < x.e {
							n++
							break
						}
					}
				}
				return n
			}
			b.f1ovl[key] = Value{}
			if len(A) > 0 && len(B) > 0 {
				P, R := float64(hits(B, A))/float64(len(B)), float64(hits(A, B))/float64(len(A))
				b.f1ovl[key] = Of(0)
				if P+R > 0 {
					b.f1ovl[key] = Of(2 * P * R / (P + R))
				}
			}
		}
	}
	return b
}
