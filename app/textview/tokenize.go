package textview

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"gloss/annotate/unitext"
)

// tokenize splits the next chunk of paragraph p into tokens and measures
// them. It returns false when the paragraph is already fully tokenized.
func (l *layout) tokenize(p int, pl *paraLayout) bool {
	runes, pr := l.doc.runes, l.doc.paras[p]
	a := pl.tokEnd
	if a >= pr.end {
		return false
	}
	b := a + chunkRunes
	if b >= pr.end {
		b = pr.end
	} else {
		// End the chunk at whitespace so words stay whole.
		for lim := min(pr.end, b+256); b < lim && !unicode.IsSpace(runes[b]); b++ {
		}
		b = min(unitext.NextGraphemeBreak(runes, b), pr.end)
	}
	first := len(pl.toks)
	cur, clusters := -1, 0
	add := func(cs, ce int) {
		kind := classify(runes[cs])
		if kind == tokWord && (runes[cs] >= 0xA9 || ce-cs > 1) && isEmojiCluster(runes[cs:ce]) {
			kind = tokIdeo // drawn on its own in the emoji font (emoji.go)
		}
		rtl := kind == tokWord && isRTLRune(runes[cs])
		if cur >= 0 && kind == pl.toks[cur].kind && rtl == pl.toks[cur].rtl &&
			(kind == tokSpace || kind == tokWord && clusters < maxTokClusters) {
			pl.toks[cur].end = int32(ce)
			clusters++
			return
		}
		t := token{start: int32(cs), end: int32(ce), kind: kind, brk: true, rtl: rtl}
		if kind == tokWord && len(pl.toks) > 0 && pl.toks[len(pl.toks)-1].kind == tokWord {
			t.brk = false
		}
		pl.toks = append(pl.toks, t)
		cur, clusters = len(pl.toks)-1, 1
	}
	if ascii(runes[a:b]) {
		for i := a; i < b; i++ {
			add(i, i+1)
		}
	} else {
		cp, state := a, -1
		for rest := string(runes[a:b]); rest != ""; {
			var cluster string
			cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			n := utf8.RuneCountInString(cluster)
			add(cp, cp+n)
			cp += n
		}
	}
	for i := first; i < len(pl.toks); i++ {
		t := &pl.toks[i]
		if t.kind == tokTab || t.kind == tokHidden {
			continue
		}
		t.w = l.widthOf(runes[t.start:t.end])
		l.statN += float64(t.end - t.start)
		l.statW += float64(t.w)
	}
	pl.tokEnd = b
	return true
}

// classify returns the kind of token a grapheme cluster starting with r
// belongs to.
func classify(r rune) uint8 {
	switch {
	case r == '\t':
		return tokTab
	case r < ' ' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return tokHidden
	case unicode.IsSpace(r):
		return tokSpace
	case r >= 0x2E80 && isIdeographic(r):
		return tokIdeo
	}
	return tokWord
}

// isIdeographic reports whether r is written without spaces between words
// (Chinese and Japanese), so that a line may break around it.
func isIdeographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60
}

func ascii(runes []rune) bool {
	for _, r := range runes {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func appendRune(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, r)
}
