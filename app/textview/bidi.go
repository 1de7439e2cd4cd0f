package textview

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text is laid out by the Unicode Bidirectional Algorithm
// (UAX #9), applied to the tokens of each line once the line is broken, as
// the algorithm asks: words are never split by direction (tokenize ends a
// token where the direction changes), each token's glyphs are ordered by
// the shaper, and the view orders the tokens. The rules implemented are
// those that text without explicit embedding controls needs: the paragraph
// level from the first strong character (P2, P3), numbers after
// right-to-left text (W2, I1, I2), neutrals between strong types of one
// direction (N1, N2), trailing whitespace (L1) and the reversal of runs by
// level (L2). golang.org/x/text/unicode/bidi resolves the same levels but
// only reports their parity, which is not enough to reorder numbers inside
// right-to-left text, so it is used for character classes only.

// Bidi classes of tokens, as far as ordering them needs.
const (
	dirNeutral uint8 = iota // spaces, punctuation, symbols
	dirL                    // starts with a left-to-right letter
	dirR                    // starts with a right-to-left letter (R or AL)
	dirNum                  // starts with a digit
)

// runeDir returns the direction class of r.
func runeDir(r rune) uint8 {
	if r < 0x80 {
		switch {
		case r >= '0' && r <= '9':
			return dirNum
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			return dirL
		}
		return dirNeutral
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L:
		return dirL
	case bidi.R, bidi.AL:
		return dirR
	case bidi.EN, bidi.AN:
		return dirNum
	}
	return dirNeutral
}

// isRTLRune reports whether r is a strong right-to-left character; it is
// cheap for the scripts below Hebrew.
func isRTLRune(r rune) bool { return r >= 0x590 && runeDir(r) == dirR }

// paraRTL reports whether paragraph [start, end) of runes starts
// right-to-left: its first strong character is R or AL (rules P2, P3).
func paraRTL(runes []rune, start, end int) bool {
	for _, r := range runes[start:end] {
		switch runeDir(r) {
		case dirL:
			return false
		case dirR:
			return true
		}
	}
	return false
}

// lineNeedsBidi reports whether the tokens of a line must be reordered.
func lineNeedsBidi(toks []token, rtlPara bool) bool {
	if rtlPara {
		return true
	}
	for i := range toks {
		if toks[i].rtl {
			return true
		}
	}
	return false
}

// reorder places the tokens of line li of pl in visual order, right-aligned
// in a right-to-left paragraph of width wrapW.
func (l *layout) reorder(pl *paraLayout, li int) {
	ln := &pl.lines[li]
	toks := pl.toks[ln.t0:ln.t1]
	ln.bidi = true
	if len(toks) == 0 {
		if pl.rtl {
			ln.x0 = l.wrapW
		}
		return
	}
	base := uint8(0)
	if pl.rtl {
		base = 1
	}
	// Resolve a level per token.
	dirs := make([]uint8, len(toks))
	levels := make([]uint8, len(toks))
	prevStrong := dirL
	if pl.rtl {
		prevStrong = dirR
	}
	for i := range toks {
		d := l.tokenDir(&toks[i])
		if d == dirNum && prevStrong == dirR {
			d = dirNum | 0x80 // a number after right-to-left text (W2, I2)
		}
		if d == dirL || d == dirR {
			prevStrong = d
		}
		dirs[i] = d
	}
	for i, d := range dirs {
		switch d {
		case dirL:
			levels[i] = base + base // 0, or 2 inside a right-to-left paragraph
		case dirR:
			levels[i] = 1
		case dirNum, dirNum | 0x80:
			if d == dirNum && base == 0 {
				levels[i] = 0
			} else {
				levels[i] = 2
			}
		}
	}
	// Neutrals take the direction of the strong types around them when
	// both agree (numbers count as R after R), else the paragraph's (N1, N2).
	strongOf := func(d uint8) uint8 {
		switch d {
		case dirNum | 0x80:
			return dirR
		case dirNum:
			return dirL
		}
		return d
	}
	for i := 0; i < len(dirs); {
		if dirs[i] != dirNeutral {
			i++
			continue
		}
		j := i
		for j < len(dirs) && dirs[j] == dirNeutral {
			j++
		}
		before, after := dirL, dirL
		if pl.rtl {
			before, after = dirR, dirR
		}
		if i > 0 {
			before = strongOf(dirs[i-1])
		}
		if j < len(dirs) {
			after = strongOf(dirs[j])
		}
		lvl := base
		if before == after {
			if before == dirR {
				lvl = 1
			} else {
				lvl = base + base
			}
		}
		for k := i; k < j; k++ {
			levels[k] = lvl
		}
		i = j
	}
	// Trailing whitespace takes the paragraph level (L1).
	trailW := float32(0)
	for i := len(toks) - 1; i >= 0 && (toks[i].kind == tokSpace || toks[i].kind == tokHidden || toks[i].kind == tokTab); i-- {
		levels[i] = base
		trailW += toks[i].w
	}
	// Reverse every run at or above each level, from the highest down to
	// the lowest odd level (L2).
	order := make([]int, len(toks))
	for i := range order {
		order[i] = i
	}
	maxL := slices.Max(levels)
	for lv := maxL; lv >= 1; lv-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lv {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lv {
				j++
			}
			slices.Reverse(order[i:j])
			i = j
		}
	}
	// A right-to-left line is right-aligned; its trailing whitespace, at its
	// left end, may hang into the margin as it hangs at the right end of a
	// left-to-right line.
	x := float32(0)
	if pl.rtl {
		x = max(0, l.wrapW-(ln.w-trailW)) - trailW
	}
	ln.x0 = x
	for _, k := range order {
		toks[k].x = x
		x += toks[k].w
	}
}

// tokenDir returns the direction class of a token.
func (l *layout) tokenDir(t *token) uint8 {
	switch {
	case t.rtl:
		return dirR
	case t.kind == tokWord || t.kind == tokIdeo:
		for _, r := range l.doc.runes[t.start:t.end] {
			if d := runeDir(r); d != dirNeutral {
				return d
			}
		}
	}
	return dirNeutral
}
