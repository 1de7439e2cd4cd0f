package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/app/textview"
)

// Hooks for the team tests (annotators, layers, Compare, Agreement,
// Curation, merge) in package app_test.

// SetLayer shows a layer: "everyone", "mine", "gold" or an annotator's name.
func (g *Probe) SetLayer(name string) {
	l := layer{kind: layerOne, annotator: name}
	switch name {
	case "everyone":
		l = layer{}
	case "mine":
		l = layer{kind: layerMine}
	case "gold":
		l = layer{kind: layerGold}
	}
	g.layers.set(l)
}

// LayerOptions returns the layer switch's options.
func (g *Probe) LayerOptions() []string { return g.layers.choice.Options }

// ShownSpans returns the spans the text view shows.
func (g *Probe) ShownSpans() []*annotate.Span { return g.s.spans }

// AddSpanAt labels [start, end) with l as the window does.
func (g *Probe) AddSpanAt(start, end int, l *annotate.Label) error {
	return g.spans.addSpan(start, end, l)
}

// DeleteSpan deletes a span as the window does.
func (g *Probe) DeleteSpan(id string) { g.spans.deleteSpan(id) }

// SetAnnotator sets the annotator's name as the preferences dialog does.
func (g *Probe) SetAnnotator(name string) { g.who.setName(name) }

// AnnotatorShown is what the status bar says of the annotator.
func (g *Probe) AnnotatorShown() string { return g.status.who.Text }

// AskAnnotatorDialog is the first-start dialog, or nil when not shown.
func (g *Probe) AskAnnotatorDialog() fyne.CanvasObject {
	g.who.askOnce()
	return g.Overlay()
}

// OpenCompare opens the Compare window on annotators a and b.
func (g *Probe) OpenCompare(a, b string) (*textview.TextView, string) {
	g.compare.show()
	g.compare.a.SetSelected(a)
	g.compare.b.SetSelected(b)
	return g.compare.view, g.compare.counts.Text
}

// OpenAgreement opens the Agreement window with a scope and annotators
// (nil: all) and returns its table's cells.
func (g *Probe) OpenAgreement(scope string, coders []string) [][]string {
	g.agreement.show()
	g.agreement.scope.SetSelected(scope)
	if coders != nil {
		g.agreement.coders.SetSelected(coders)
	}
	return g.agreement.cells
}

// AgreementNote is the Agreement window's note line.
func (g *Probe) AgreementNote() string { return g.agreement.note.Text }

// ChartBars returns the bar rectangles the chart draws, left to right, and
// the chart's zero line height.
func (g *Probe) ChartBars() (bars []*canvas.Rectangle, labels []string) {
	c := g.agreement.chart
	r := c.CreateRenderer()
	r.Layout(fyne.NewSize(600, 300))
	for _, o := range r.Objects() {
		if r, ok := o.(*canvas.Rectangle); ok {
			bars = append(bars, r)
		}
	}
	for _, b := range c.bars {
		labels = append(labels, b.label)
	}
	return bars, labels
}

// ChartZero is the y of the chart's zero line at the size ChartBars sets.
func (g *Probe) ChartZero() float32 {
	_, zero, _, _ := chartLayout(g.agreement.chart.bars, fyne.NewSize(600, 300))
	return zero
}

// AgreementResult is what the Agreement window computed.
func (g *Probe) AgreementResult() agree.Result { return g.agreement.result }

// ExportAgreement writes the CSV and the chart PNG as the export buttons do.
func (g *Probe) ExportAgreement(csvPath, pngPath string) error {
	if err := g.agreement.exportCSV(csvPath); err != nil {
		return err
	}
	return g.agreement.exportPNG(pngPath)
}

// ChartImage is the chart as exported.
func (g *Probe) ChartImage() image.Image { return g.agreement.chartImage() }

// Curation is Curation mode as the tests drive it.
type Curation struct{ c *curationArea }

// OpenCuration opens Curation mode.
func (g *Probe) OpenCuration() *Curation {
	g.curation.show()
	return &Curation{g.curation}
}

// Key types a one-key command in the Curation window.
func (c *Curation) Key(r rune) { c.c.win.Canvas().OnTypedRune()(r) }

// Undo presses Ctrl+Z in the Curation window.
func (c *Curation) Undo() { c.c.undo() }

// Current is the disagreement shown and its state.
func (c *Curation) Current() (agree.Candidate, string) {
	cand := c.c.current()
	if cand == nil {
		return agree.Candidate{}, ""
	}
	return *cand, c.c.state(cand.Tuple)
}

// Dialog is the Curation window's top dialog, or nil.
func (c *Curation) Dialog() fyne.CanvasObject { return c.c.win.Canvas().Overlays().Top() }

// Count is the number of disagreements.
func (c *Curation) Count() int { return len(c.c.open) }

// Title is the window's heading.
func (c *Curation) Title() string { return c.c.title.Text }

// Auto runs Curate automatically.
func (c *Curation) Auto(strategy string) { c.c.auto(agree.Strategy(strategy)) }

// Merge merges project files as File ▸ Merge coders' files… does.
func (g *Probe) Merge(paths ...string) error { return g.merge.merge(paths) }
