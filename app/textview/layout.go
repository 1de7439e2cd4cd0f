package textview

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// Token kinds. Words, ideographs and spaces are measured; tabs get their
// width from the tab stops; hidden tokens ('\r' and other controls) take no
// room and are not drawn.
const (
	tokWord uint8 = iota
	tokIdeo
	tokSpace
	tokTab
	tokHidden
)

// token is a run of grapheme clusters of one kind, at most maxTokClusters
// long, placed at x on its line.
type token struct {
	start, end int32
	x, w       float32
	kind       uint8
	brk        bool // a line may break before this word token
	rtl        bool // a right-to-left word (see bidi.go)
}

func (t *token) text() bool { return t.kind == tokWord || t.kind == tokIdeo }

// line is one laid-out line of a paragraph: code points [start, end) and the
// tokens [t0, t1) of its paragraph, w wide. A bidi line has its tokens in
// visual order, starting at x0; the others start at 0 in logical order.
type line struct {
	start, end int
	t0, t1     int
	w          float32
	x0         float32
	bidi       bool
}

// paraLayout is the layout of one paragraph, computed lazily from its start:
// tokens up to tokEnd, lines as far as somebody asked for them.
type paraLayout struct {
	toks   []token
	tokEnd int
	lines  []line
	done   bool
	rtl    bool // the paragraph starts right-to-left: right-aligned
}

const (
	chunkRunes     = 512 // tokenize a paragraph this many code points at a time
	maxTokClusters = 32  // longest token drawn as one canvas.Text
	maxWidthCache  = 1 << 18
)

// layout wraps the document's paragraphs to a width. Paragraphs are laid
// out on demand; the others have estimated line counts, kept in a Fenwick
// tree so that scroll positions and the scrollbar stay cheap.
type layout struct {
	doc   *document
	m     metrics
	wrapW float32

	paras  []*paraLayout
	counts []int32 // per paragraph: lines laid out plus an estimate for the rest
	lines  fenwick

	widths map[float32]map[string]float32 // word widths per text size
	width  map[string]float32             // widths[m.size]
	key    []byte
	statN  float64 // code points measured
	statW  float64 // and their total width
}

// reset forgets every paragraph layout and estimates all line counts again.
func (l *layout) reset(doc *document, m metrics, wrapW float32) {
	l.doc, l.m, l.wrapW = doc, m, max(wrapW, 1)
	if l.widths == nil {
		l.widths = map[float32]map[string]float32{}
	}
	if l.width = l.widths[m.size]; l.width == nil || len(l.width) > maxWidthCache {
		l.width = map[string]float32{}
		l.widths[m.size] = l.width
	}
	if l.statN > 4096 {
		l.m.avgW = float32(l.statW / l.statN)
	}
	n := len(doc.paras)
	l.paras = make([]*paraLayout, n)
	l.counts = slices.Grow(l.counts[:0], n)[:n]
	for i, p := range doc.paras {
		l.counts[i] = l.estimate(p.end - p.start)
	}
	l.lines.build(l.counts)
}

// estimate guesses how many lines n code points take.
func (l *layout) estimate(n int) int32 {
	est := int32(math.Ceil(float64(float32(n) * l.m.avgW / l.wrapW)))
	return max(est, 1)
}

// height returns paragraph p's height in lines, laid out or estimated.
func (l *layout) height(p int) int { return int(l.counts[p]) }

// total returns the document's height in lines.
func (l *layout) total() int { return l.lines.total() }

// lineOfPara returns the number of lines before paragraph p.
func (l *layout) lineOfPara(p int) int { return l.lines.prefix(p) }

func (l *layout) para(p int) *paraLayout {
	pl := l.paras[p]
	if pl == nil {
		pr := l.doc.paras[p]
		pl = &paraLayout{tokEnd: pr.start, rtl: paraRTL(l.doc.runes, pr.start, pr.end)}
		l.paras[p] = pl
	}
	return pl
}

// update records paragraph p's line count after more of it was laid out.
func (l *layout) update(p int) {
	pl := l.paras[p]
	c := int32(len(pl.lines))
	if !pl.done {
		rest := l.doc.paras[p].end - l.doc.paras[p].start
		if n := len(pl.lines); n > 0 {
			rest = l.doc.paras[p].end - pl.lines[n-1].end
		}
		c += l.estimate(rest)
	}
	if c != l.counts[p] {
		l.lines.add(p, int(c-l.counts[p]))
		l.counts[p] = c
	}
}

// ensureLines lays out paragraph p until it has k lines or is complete.
func (l *layout) ensureLines(p, k int) *paraLayout {
	pl := l.para(p)
	if len(pl.lines) >= k || pl.done {
		return pl
	}
	for len(pl.lines) < k && !pl.done {
		l.nextLine(p, pl)
	}
	l.update(p)
	return pl
}

// ensureAll lays out all of paragraph p.
func (l *layout) ensureAll(p int) *paraLayout { return l.ensureLines(p, math.MaxInt) }

// ensureCP lays out paragraph p up to the line holding code point cp and
// returns that line's index.
func (l *layout) ensureCP(p, cp int) (*paraLayout, int) {
	pl := l.para(p)
	if !pl.done && (len(pl.lines) == 0 || pl.lines[len(pl.lines)-1].end <= cp) {
		for !pl.done && (len(pl.lines) == 0 || pl.lines[len(pl.lines)-1].end <= cp) {
			l.nextLine(p, pl)
		}
		l.update(p)
	}
	lo, hi := 0, len(pl.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if pl.lines[mid].start <= cp {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return pl, lo
}

// widthOf returns the advance of runes drawn as one string.
func (l *layout) widthOf(runes []rune) float32 {
	l.key = l.key[:0]
	for _, r := range runes {
		l.key = appendRune(l.key, r)
	}
	if w, ok := l.width[string(l.key)]; ok {
		return w
	}
	s := string(l.key)
	var w float32
	if src := emojiSource(runes); src != nil {
		size, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, l.m.size, fyne.TextStyle{}, src)
		w = size.Width
	} else {
		w = fyne.MeasureText(s, l.m.size, fyne.TextStyle{}).Width
	}
	l.width[s] = w
	return w
}

// tokenWidth returns how far into token t code point cp lies.
func (l *layout) tokenWidth(t *token, cp int) float32 {
	switch {
	case cp <= int(t.start):
		return 0
	case cp >= int(t.end):
		return t.w
	case t.kind == tokHidden:
		return 0
	case t.kind == tokTab:
		return t.w
	}
	return l.widthOf(l.doc.runes[t.start:cp])
}
