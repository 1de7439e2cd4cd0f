package textview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"gloss/annotate"
)

// tagStyle is the style of the label names drawn on the text.
var tagStyle = fyne.TextStyle{Bold: true}

// tagPad is the room left and right of a tag's name inside its chip.
const tagPad = 3

// ShowLabelTags turns on or off the label names drawn at the start of each
// span, in a row of small chips above the text of each line (lines get
// taller to make room; the underline bars stay as they are). The view keeps
// the same text at its top.
func (v *TextView) ShowLabelTags(show bool) {
	if show == v.showTags {
		return
	}
	top := v.topOffset()
	v.showTags = show
	v.layOK = false
	if v.prepare() {
		v.scrollTopTo(top)
	}
	v.Refresh()
}

// LabelTagsShown reports whether label names are drawn on the text.
func (v *TextView) LabelTagsShown() bool { return v.showTags }

// labelName returns the name of label id as the view shows it.
func (v *TextView) labelName(id string) string {
	if l, ok := v.labels[id]; ok {
		return l.Name
	}
	return "?"
}

// tagsAndNotes draws, on one line, a chip with the label's name at the start
// of each span starting there (when tags are shown) and a dot at the end of
// each span with a note that ends there.
func (r *renderer) tagsAndNotes(pl *paraLayout, vl visLine, ln line, maxX float32) {
	v, m := r.v, r.v.lay.m
	tagEnd := float32(math.Inf(-1))
	for _, vs := range r.vspans {
		s := vs.span
		if v.showTags && s.Start >= ln.start && (s.Start < ln.end || ln.start == ln.end) {
			tagEnd = r.tag(pl, vl, s, vs.color, tagEnd, maxX)
		}
		if s.Note != "" && s.End > ln.start && s.End <= ln.end && s.End > s.Start {
			d := barRows * m.barGap
			x := m.padX + v.xOf(pl, vl.li, s.End)
			if x > maxX {
				continue
			}
			o := r.rect(&r.front, x-d/2, vl.y+m.top+m.textH, d, d, vs.color)
			o.CornerRadius = d / 2
			o.StrokeColor, o.StrokeWidth = r.fg, 1
			r.notes = append(r.notes, noteMark{o, s.ID})
		}
	}
}

// tag draws the chip of span s on line vl, after the chips ending at
// tagEnd, and returns where it ends.
func (r *renderer) tag(pl *paraLayout, vl visLine, s *annotate.Span, c color.NRGBA, tagEnd, maxX float32) float32 {
	v, m := r.v, r.v.lay.m
	name := v.labelName(s.LabelID)
	w := r.tagWidth(name) + 2*tagPad
	x := m.padX + v.xOf(pl, vl.li, s.Start)
	if k := tokenAt(pl, pl.lines[vl.li], s.Start); k >= 0 && pl.toks[k].rtl {
		x -= w // right-to-left text starts at its right edge
	}
	x = min(max(x, tagEnd+1), maxX-w)
	if x < 0 {
		return tagEnd
	}
	o := r.rect(&r.front, x, vl.y+m.arcH+1, w, m.top-m.arcH-2, c)
	o.CornerRadius = 2
	t := r.tagText()
	t.Text, t.TextSize, t.TextStyle, t.Color = name, m.tagSize, tagStyle, contrastOn(c)
	t.Move(fyne.NewPos(r.snap(x+tagPad), r.snap(vl.y+m.arcH+1)))
	t.Resize(fyne.NewSize(w-2*tagPad, m.top-m.arcH-2))
	r.words = append(r.words, t)
	r.tags = append(r.tags, labelTag{o, t, s.ID})
	return x + w
}

// tagWidth returns the width of a tag's name.
func (r *renderer) tagWidth(name string) float32 {
	size := r.v.lay.m.tagSize
	if r.tagWidths == nil || r.tagWidthsSize != size {
		r.tagWidths, r.tagWidthsSize = map[string]float32{}, size
	}
	w, ok := r.tagWidths[name]
	if !ok {
		w = fyne.MeasureText(name, size, tagStyle).Width
		r.tagWidths[name] = w
	}
	return w
}

// tagText returns a text object for a tag from the renderer's pool.
func (r *renderer) tagText() *canvas.Text {
	if r.nTagText == len(r.tagTexts) {
		r.tagTexts = append(r.tagTexts, &canvas.Text{})
	}
	t := r.tagTexts[r.nTagText]
	r.nTagText++
	return t
}

// labelTag is a tag drawn for a span: its chip and its name.
type labelTag struct {
	chip *canvas.Rectangle
	name *canvas.Text
	span string
}

// noteMark is the dot drawn at the end of a span with a note.
type noteMark struct {
	dot  *canvas.Rectangle
	span string
}

// contrastOn returns black or white, whichever reads better on c (by WCAG
// relative luminance), so tags are legible whatever the theme.
func contrastOn(c color.NRGBA) color.Color {
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.04045 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	if l > 0.179 {
		return color.Black
	}
	return color.White
}
