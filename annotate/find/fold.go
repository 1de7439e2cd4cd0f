package find

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// asciiFold maps each ASCII character to the smallest character of its
// simple folding orbit ('a' to 'A'; 'k' and 'K' to 'K').
var asciiFold = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		t[r] = orbitMin(rune(r))
	}
	return t
}()

// orbitMin returns the smallest character of r's simple case folding orbit:
// two characters fold together exactly when their orbitMin is equal.
func orbitMin(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}

// foldRune returns the key of r under simple case folding. It maps one
// character to one character, so code point offsets are kept.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiFold[r]
	}
	return orbitMin(r)
}

// baseRune returns r without its accents and true, or false when r is itself
// a nonspacing mark and is dropped. A character whose canonical decomposition
// is one base character followed by marks gives that base character; any
// other character (no decomposition, or several base characters as in a
// Hangul syllable) is returned as it is.
func baseRune(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		return r, true
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if d == nil {
		return r, true
	}
	base, size := utf8.DecodeRune(d)
	for rest := d[size:]; len(rest) > 0; {
		m, s := utf8.DecodeRune(rest)
		if !unicode.Is(unicode.Mn, m) {
			return r, true
		}
		rest = rest[s:]
	}
	return base, true
}

// keyed is a text prepared for matching: its characters, their keys (folded
// and without accents as the options say) and, when accents are dropped,
// where each key sits in the original text.
type keyed struct {
	orig []rune
	key  []rune
	// pos[k] is the code point offset of key[k] in orig, with
	// pos[len(key)] = len(orig); nil when key and orig align one to one.
	pos []int32
}

// keyText prepares text for matching under opt.
func keyText(text string, opt Options) keyed {
	orig := []rune(text)
	if opt.IgnoreAccents {
		key := make([]rune, 0, len(orig))
		pos := make([]int32, 0, len(orig)+1)
		for i, r := range orig {
			b, ok := baseRune(r)
			if !ok {
				continue
			}
			if !opt.CaseSensitive {
				b = foldRune(b)
			}
			key = append(key, b)
			pos = append(pos, int32(i))
		}
		return keyed{orig: orig, key: key, pos: append(pos, int32(len(orig)))}
	}
	if opt.CaseSensitive {
		return keyed{orig: orig, key: orig}
	}
	key := make([]rune, len(orig))
	for i, r := range orig {
		key[i] = foldRune(r)
	}
	return keyed{orig: orig, key: key}
}

// keyPattern returns the keys of a needle or dictionary term under opt.
func keyPattern(s string, opt Options) []rune {
	return keyText(s, opt).key
}

// span returns the original code point range of the keys [ks, ke).
func (t *keyed) span(ks, ke int) (int, int) {
	if t.pos == nil {
		return ks, ke
	}
	return int(t.pos[ks]), int(t.pos[ke])
}
