package find

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// A prefilter finds where a regular expression's matches can start: every
// match begins with one of a set of literal prefixes, all of the same
// length, so that the expression is only tried, anchored, at those places
// instead of at every character.
type prefilter struct {
	fold  bool        // compare by simple case folding
	first [256]bool   // bytes that can begin a prefix
	dict  *Dictionary // the prefixes, as an automaton
	n     int         // the length of every prefix, in characters
}

// maxPrefixes caps the number of prefixes; a larger set is cut shorter.
const maxPrefixes = 256

// newPrefilter returns the prefilter of re, or nil when re has no useful
// set of prefixes (one of them would be empty, or there are too many).
func newPrefilter(re *syntax.Regexp) *prefilter {
	set, _ := prefixes(re.Simplify())
	if len(set) == 0 {
		return nil
	}
	n := len(set[0].s)
	fold := false
	for _, p := range set {
		n = min(n, len(p.s))
		fold = fold || p.fold
	}
	if n == 0 {
		return nil
	}
	pf := &prefilter{fold: fold, n: n}
	var entries []Entry
	for i, p := range set {
		entries = append(entries, Entry{Term: string(p.s[:n]), Label: "p", Line: i + 1})
	}
	d, err := NewDictionary("prefixes", entries, Options{CaseSensitive: !fold})
	if err != nil {
		return nil
	}
	pf.dict = d
	for _, p := range set {
		r := p.s[0]
		rs := []rune{r}
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				rs = append(rs, f)
			}
		}
		for _, r := range rs {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], r)
			pf.first[buf[0]] = true
		}
	}
	return pf
}

// prefix is a literal prefix of matches; fold when it came from a
// case-insensitive part of the expression.
type prefix struct {
	s    []rune
	fold bool
}

// prefixes returns a set of literal strings such that every match of re
// begins with one of them, and whether the set is exact (every match is
// one of them, so that what follows re can be appended). A nil set means
// that nothing is known.
func prefixes(re *syntax.Regexp) ([]prefix, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []prefix{{s: re.Rune, fold: re.Flags&syntax.FoldCase != 0}}, true
	case syntax.OpCharClass:
		var out []prefix
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxPrefixes {
					return nil, false
				}
				out = append(out, prefix{s: []rune{r}})
			}
		}
		return out, true
	case syntax.OpEmptyMatch:
		return []prefix{{}}, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpPlus:
		set, _ := prefixes(re.Sub[0])
		return set, false
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil, false
		}
		set, _ := prefixes(re.Sub[0])
		return set, false
	case syntax.OpAlternate:
		var out []prefix
		exact := true
		for _, sub := range re.Sub {
			set, ex := prefixes(sub)
			if set == nil || len(out)+len(set) > maxPrefixes {
				return nil, false
			}
			out = append(out, set...)
			exact = exact && ex
		}
		return out, exact
	case syntax.OpConcat:
		out := []prefix{{}}
		for _, sub := range re.Sub {
			set, ex := prefixes(sub)
			if set == nil || len(out)*len(set) > maxPrefixes {
				return out, false
			}
			var next []prefix
			for _, a := range out {
				for _, b := range set {
					s := append(append([]rune(nil), a.s...), b.s...)
					next = append(next, prefix{s: s, fold: a.fold || b.fold})
				}
			}
			out = next
			if !ex {
				return out, false
			}
		}
		return out, true
	}
	// any character, assertions, stars: nothing known
	return nil, false
}

// starts calls try with the byte offset of each place in text where a
// prefix begins, in order. try returns 0 to go on with the next place, or
// the end of a match it kept: the places before that end are skipped.
func (pf *prefilter) starts(text string, try func(b int) int) {
	d := pf.dict
	ring := make([]int, pf.n) // byte offsets of the last n characters
	s := int32(0)
	k := 0 // characters read since the last restart
	for b := 0; b < len(text); {
		if s == 0 && !pf.first[text[b]] {
			b++
			for b < len(text) && !pf.first[text[b]] {
				b++
			}
			continue
		}
		r, size := rune(text[b]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[b:])
		}
		if pf.fold {
			r = foldRune(r)
		}
		ring[k%pf.n] = b
		k++
		b += size
		s = d.step(s, d.classOf(r))
		if d.term[s] < 0 {
			continue
		}
		next := try(ring[(k-pf.n)%pf.n])
		if next > 0 { // a match was kept: go on after it
			b, s = next, 0
		}
	}
}
