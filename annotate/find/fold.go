package find

import (
	"sync"
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
	orig   []rune
	key    []rune // keyBuf, or orig when keys are the characters
	keyBuf []rune
	// pos[k] is the code point offset of key[k] in orig, with
	// pos[len(key)] = len(orig), when accents are dropped.
	pos []int32
	// aligned is true when key[k] is the key of orig[k] (pos unused).
	aligned bool
	ints    []int32 // scratch for the matchers
}

// zeros returns n zeroed int32s of t's scratch buffer.
func (t *keyed) zeros(n int) []int32 {
	if cap(t.ints) < n {
		t.ints = make([]int32, n)
	}
	t.ints = t.ints[:n]
	clear(t.ints)
	return t.ints
}

// keyedPool holds the buffers of keyed texts between searches, so that
// searching a corpus does not allocate a copy of every document.
var keyedPool = sync.Pool{New: func() any { return new(keyed) }}

// keyText prepares text for matching under opt, in buffers from the pool;
// give them back with release when done.
func keyText(text string, opt Options) *keyed {
	t := keyedPool.Get().(*keyed)
	t.reset(text, opt)
	return t
}

// release gives t's buffers back to the pool.
func (t *keyed) release() {
	if cap(t.orig) > 1<<20 || cap(t.keyBuf) > 1<<20 || cap(t.ints) > 1<<20 { // do not keep the buffers of a huge text
		*t = keyed{}
	}
	keyedPool.Put(t)
}

// reset makes t the keyed form of text under opt, reusing t's buffers.
func (t *keyed) reset(text string, opt Options) {
	orig := t.orig[:0]
	key := t.keyBuf[:0]
	pos := t.pos[:0]
	switch {
	case opt.IgnoreAccents:
		for _, r := range text {
			if b, ok := baseRune(r); ok {
				if !opt.CaseSensitive {
					b = foldRune(b)
				}
				key = append(key, b)
				pos = append(pos, int32(len(orig)))
			}
			orig = append(orig, r)
		}
		pos = append(pos, int32(len(orig)))
	case opt.CaseSensitive:
		for _, r := range text {
			orig = append(orig, r)
		}
	default:
		for _, r := range text {
			orig = append(orig, r)
			key = append(key, foldRune(r))
		}
	}
	t.orig, t.keyBuf, t.key, t.pos = orig, key, key, pos
	t.aligned = !opt.IgnoreAccents
	if opt.CaseSensitive && !opt.IgnoreAccents {
		t.key = orig
	}
}

// keyPattern returns the keys of a needle or dictionary term under opt.
func keyPattern(s string, opt Options) []rune {
	var t keyed
	t.reset(s, opt)
	return t.key
}

// span returns the original code point range of the keys [ks, ke).
func (t *keyed) span(ks, ke int) (int, int) {
	if t.aligned {
		return ks, ke
	}
	return int(t.pos[ks]), int(t.pos[ke])
}
