package find

import "errors"

// Literal finds a fixed string.
type Literal struct {
	opt    Options
	needle []rune // keys of the needle
	fail   []int  // KMP failure function of needle
}

// NewLiteral returns a matcher for needle under opt. It fails when the
// needle is empty, or has nothing left once its accents are dropped.
func NewLiteral(needle string, opt Options) (*Literal, error) {
	k := keyPattern(needle, opt)
	if len(k) == 0 {
		if needle == "" {
			return nil, errors.New("find: the search text is empty")
		}
		return nil, errors.New("find: the search text is only accents, and accents are ignored")
	}
	return &Literal{opt: opt, needle: k, fail: failure(k)}, nil
}

// failure returns the Knuth–Morris–Pratt failure function of p: f[i] is the
// length of the longest proper border of p[:i+1].
func failure(p []rune) []int {
	f := make([]int, len(p))
	for i, k := 1, 0; i < len(p); i++ {
		for k > 0 && p[i] != p[k] {
			k = f[k-1]
		}
		if p[i] == p[k] {
			k++
		}
		f[i] = k
	}
	return f
}

// FindAll returns every occurrence of the needle in text, in text order,
// without overlaps, in code points of text. It scans the text once
// (Knuth–Morris–Pratt), whatever the needle.
func (l *Literal) FindAll(text string) []Hit {
	t := keyText(text, l.opt)
	defer t.release()
	p, m := l.needle, len(l.needle)
	var hits []Hit
	lastEnd := 0
	for i, q := 0, 0; i < len(t.key); i++ {
		c := t.key[i]
		for q > 0 && p[q] != c {
			q = l.fail[q-1]
		}
		if p[q] == c {
			q++
		}
		if q < m {
			continue
		}
		q = l.fail[q-1] // every occurrence, overlapping ones too, in order of start
		s, e := t.span(i+1-m, i+1)
		if s < lastEnd || l.opt.WholeWord && !wholeWord(t.orig, s, e) {
			continue
		}
		hits = append(hits, Hit{Start: s, End: e})
		lastEnd = e
	}
	return hits
}
