package find

import (
	"fmt"
	"sort"
)

// Dictionary finds many terms at once, each with its label.
//
// Where terms overlap, the leftmost-longest rule decides: among the
// occurrences that pass the options (whole words), the one that starts
// first wins, and of those starting at the same character the longest; the
// search goes on at its end, and every occurrence overlapping a kept one is
// dropped, even a longer one that starts later. With the terms "Sergei
// Lavrov" and "Lavrov", "Sergei Lavrov" is one hit; with "New York" and
// "York Times", "New York Times" gives "New York".
//
// The terms are matched together by one Aho–Corasick automaton over the
// keys of the characters, so the time is linear in the text whatever the
// number of terms (plus the number of occurrences).
type Dictionary struct {
	opt    Options
	labels []string // label of each term, by term index

	ascii   [128]int32     // class of each ASCII key; 0: in no term
	classes map[rune]int32 // class of every other key in a term
	root    []int32        // goto of the root, by class

	// the automaton's other states, by state number
	edgeAt []int32 // edges of state s are edges[edgeAt[s]:edgeAt[s+1]]
	edges  []edge  // sorted by class within a state
	fail   []int32 // longest proper suffix state
	term   []int32 // term ending at the state, or -1
	depth  []int32 // length in keys of the state's string
	out    []int32 // nearest state on the fail chain that ends a term, or -1

	// delta is the whole transition table, delta[s*nclass+c], when it is
	// small enough (denseLimit); else step follows fail links.
	delta  []int32
	nclass int32
}

// denseLimit caps the size of a dictionary's transition table (entries of
// 4 bytes): 1,000 English terms need about 8,000 states × 40 classes.
var denseLimit = 1 << 22

type edge struct{ class, to int32 }

// NewDictionary builds a dictionary from entries (see ParseDictionary). Two
// entries whose terms are equal under opt must have the same label: if
// not, the error names the later line ("dict.tsv:9: ..."); name is the
// file's name, used only in errors.
func NewDictionary(name string, entries []Entry, opt Options) (*Dictionary, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: no terms", name)
	}
	d := &Dictionary{opt: opt, classes: map[rune]int32{}}
	type node struct {
		next map[int32]int32
		term int32
	}
	nodes := []node{{next: map[int32]int32{}, term: -1}}
	firstLine := map[int32]int{} // line of each term's first entry
	for _, e := range entries {
		keys := keyPattern(e.Term, opt)
		if len(keys) == 0 {
			return nil, fmt.Errorf("%s:%d: term %q is empty once its accents are dropped", name, e.Line, e.Term)
		}
		s := int32(0)
		for _, r := range keys {
			c := d.classify(r)
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{next: map[int32]int32{}, term: -1})
				nodes[s].next[c] = nx
			}
			s = nx
		}
		if t := nodes[s].term; t >= 0 {
			if d.labels[t] != e.Label {
				return nil, fmt.Errorf("%s:%d: term %q has the label %q, but line %d gives it the label %q",
					name, e.Line, e.Term, e.Label, firstLine[t], d.labels[t])
			}
			continue
		}
		nodes[s].term = int32(len(d.labels))
		firstLine[nodes[s].term] = e.Line
		d.labels = append(d.labels, e.Label)
	}

	n := len(nodes)
	d.edgeAt = make([]int32, n+1)
	d.fail = make([]int32, n)
	d.term = make([]int32, n)
	d.depth = make([]int32, n)
	d.out = make([]int32, n)
	for s, nd := range nodes {
		d.term[s] = nd.term
		d.edgeAt[s] = int32(len(d.edges))
		start := len(d.edges)
		for c, to := range nd.next {
			d.edges = append(d.edges, edge{c, to})
		}
		es := d.edges[start:]
		sort.Slice(es, func(i, j int) bool { return es[i].class < es[j].class })
	}
	d.edgeAt[n] = int32(len(d.edges))
	d.root = make([]int32, len(d.classes)+2)
	for _, e := range d.edgesOf(0) {
		d.root[e.class] = e.to
	}

	// breadth first: a state's fail is found from its parent's
	d.out[0] = -1
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range d.edgesOf(s) {
			t := e.to
			d.depth[t] = d.depth[s] + 1
			if s != 0 {
				d.fail[t] = d.step(d.fail[s], e.class)
			}
			if f := d.fail[t]; d.term[f] >= 0 {
				d.out[t] = f
			} else {
				d.out[t] = d.out[f]
			}
			queue = append(queue, t)
		}
	}
	d.nclass = int32(len(d.classes)) + 1
	if n*int(d.nclass) <= denseLimit {
		d.delta = make([]int32, n*int(d.nclass))
		for _, s := range bfs(d) {
			row := d.delta[int(s)*int(d.nclass):][:d.nclass]
			if s == 0 {
				copy(row, d.root)
			} else {
				copy(row, d.delta[int(d.fail[s])*int(d.nclass):][:d.nclass])
			}
			for _, e := range d.edgesOf(s) {
				row[e.class] = e.to
			}
		}
	}
	return d, nil
}

// bfs returns the states in breadth-first order, so that every state
// comes after its fail state.
func bfs(d *Dictionary) []int32 {
	order := []int32{0}
	for i := 0; i < len(order); i++ {
		for _, e := range d.edgesOf(order[i]) {
			order = append(order, e.to)
		}
	}
	return order
}

// classify returns the class of key r, giving it a new one if needed.
func (d *Dictionary) classify(r rune) int32 {
	if c := d.classOf(r); c != 0 {
		return c
	}
	c := int32(len(d.classes)) + 1
	if r < 128 {
		d.ascii[r] = c
	}
	d.classes[r] = c
	return c
}

// classOf returns the class of key r, 0 when r is in no term.
func (d *Dictionary) classOf(r rune) int32 {
	if r < 128 {
		return d.ascii[r]
	}
	return d.classes[r]
}

func (d *Dictionary) edgesOf(s int32) []edge { return d.edges[d.edgeAt[s]:d.edgeAt[s+1]] }

// step returns the state after reading a key of class c in state s.
func (d *Dictionary) step(s, c int32) int32 {
	if c == 0 {
		return 0
	}
	if d.delta != nil {
		return d.delta[s*d.nclass+c]
	}
	for s != 0 {
		es := d.edgesOf(s)
		lo, hi := 0, len(es)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if es[m].class < c {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(es) && es[lo].class == c {
			return es[lo].to
		}
		s = d.fail[s]
	}
	return d.root[c]
}

// Labels returns the distinct labels of the dictionary, sorted.
func (d *Dictionary) Labels() []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range d.labels {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// FindAll returns the hits of the dictionary's terms in text, in text order,
// without overlaps (leftmost-longest), each with its term's label.
func (d *Dictionary) FindAll(text string) []Hit {
	t := keyText(text, d.opt)
	defer t.release()
	var best []int32 // best[k]: longest term kept starting at key k, +1
	s := int32(0)
	for i, r := range t.key {
		s = d.step(s, d.classOf(r))
		u := s
		if d.term[u] < 0 {
			u = d.out[u]
		}
		for ; u >= 0; u = d.out[u] {
			ks := i + 1 - int(d.depth[u])
			if best != nil && best[ks] > 0 && d.depth[best[ks]-1] >= d.depth[u] {
				continue
			}
			if d.opt.WholeWord {
				if a, b := t.span(ks, i+1); !wholeWord(t.orig, a, b) {
					continue
				}
			}
			if best == nil {
				best = t.zeros(len(t.key))
			}
			best[ks] = u + 1
		}
	}
	var hits []Hit
	for k := 0; k < len(best); {
		u := best[k] - 1
		if u < 0 {
			k++
			continue
		}
		ke := k + int(d.depth[u])
		a, b := t.span(k, ke)
		hits = append(hits, Hit{Start: a, End: b, Label: d.labels[d.term[u]]})
		k = ke
	}
	return hits
}
