package textview

import (
	"math"

	"fyne.io/fyne/v2"
)

// metrics are the sizes the layout depends on, derived from the theme's text
// size and the zoom factor.
type metrics struct {
	size   float32 // text size
	textH  float32 // height of the text in a line
	lineH  float32 // distance between lines: text plus room for underline bars
	bar    float32 // thickness of one underline bar
	barGap float32 // distance from one bar row to the next
	padX   float32 // left and right margin
	spaceW float32 // width of a space
	tabW   float32 // distance between tab stops
	avgW   float32 // estimated average advance of a code point

	tags    bool    // a row for label tags above each line's text
	top     float32 // height of the rows above the text: the text starts this far below the line's top
	tagSize float32 // text size of the tags (and of relation names)

	arcs bool    // a row for relation arcs above each line (above the tags)
	arcH float32 // height of that row; the tags row starts this far below the line's top
}

// barRows is how many underline bar rows a line has room for; spans nested
// deeper share the last row.
const barRows = 3

func newMetrics(size float32, tags, arcs bool) metrics {
	style := fyne.TextStyle{}
	m := metrics{size: size, tags: tags, arcs: arcs}
	m.textH = fyne.MeasureText("Mg", size, style).Height
	m.bar = float32(math.Max(2, math.Round(float64(size)/7)))
	m.barGap = m.bar + 1
	m.lineH = float32(math.Ceil(float64(m.textH + barRows*m.barGap)))
	m.tagSize = float32(math.Max(8, math.Round(float64(size)*0.64)))
	if tags {
		m.top = float32(math.Ceil(float64(fyne.MeasureText("Mg", m.tagSize, tagStyle).Height + 2)))
	}
	if arcs {
		m.arcH = float32(math.Ceil(float64(fyne.MeasureText("Mg", m.tagSize, arcStyle).Height + 4)))
		m.top += m.arcH
	}
	m.lineH += m.top
	m.padX = float32(math.Round(float64(size) / 2))
	m.spaceW = fyne.MeasureText(" ", size, style).Width
	m.tabW = 4 * m.spaceW
	const sample = "The quick brown fox jumps over the lazy dog, and then 42 more."
	m.avgW = fyne.MeasureText(sample, size, style).Width / float32(len(sample))
	return m
}
