package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app/textview"
)

// agreementKind is how a span of one of two compared annotators relates to
// the other's spans of the same label in the same document.
type agreementKind int

const (
	kindMatch   agreementKind = iota // the other marked exactly the same
	kindOverlap                      // the other's span of this label overlaps it, not exactly
	kindOnlyA                        // only annotator A marked anything here with this label
	kindOnlyB                        // only annotator B did
)

// kindColors are the Compare view's colours, in agreementKind order.
var kindColors = [...]string{"#3CB44B", "#F5A623", "#E6194B", "#4363D8"}

// kindText names each kind in the legend and the tags; A and B are filled in.
func kindText(k agreementKind, a, b string) string {
	switch k {
	case kindMatch:
		return "match"
	case kindOverlap:
		return "overlap"
	case kindOnlyA:
		return "only " + a
	}
	return "only " + b
}

// comparedSpan is a span of the Compare view and how it fares.
type comparedSpan struct {
	*annotate.Span
	kind agreementKind
}

// compareLayers classifies annotator A's and B's spans of one document. A
// pair of exact matches is listed once (as A's span); every other span is
// listed with its kind.
func compareLayers(a, b []*annotate.Span) []comparedSpan {
	type key struct {
		s, e  int
		label string
	}
	inB := map[key]bool{}
	for _, sp := range b {
		inB[key{sp.Start, sp.End, sp.LabelID}] = true
	}
	inA := map[key]bool{}
	var out []comparedSpan
	for _, sp := range a {
		k := key{sp.Start, sp.End, sp.LabelID}
		inA[k] = true
		switch {
		case inB[k]:
			out = append(out, comparedSpan{sp, kindMatch})
		case overlapsLabel(sp, b):
			out = append(out, comparedSpan{sp, kindOverlap})
		default:
			out = append(out, comparedSpan{sp, kindOnlyA})
		}
	}
	for _, sp := range b {
		switch {
		case inA[key{sp.Start, sp.End, sp.LabelID}]:
		case overlapsLabel(sp, a):
			out = append(out, comparedSpan{sp, kindOverlap})
		default:
			out = append(out, comparedSpan{sp, kindOnlyB})
		}
	}
	return out
}

// overlapsLabel reports whether sp shares a code point with a span of
// others of the same label.
func overlapsLabel(sp *annotate.Span, others []*annotate.Span) bool {
	for _, o := range others {
		if o.LabelID == sp.LabelID && o.Start < sp.End && sp.Start < o.End {
			return true
		}
	}
	return false
}

// compareView shows the compared spans in a text view: each span gets a
// label "<label> · <kind>" in its kind's colour, so that the view's tags
// and tooltips name both.
func compareView(cmp []comparedSpan, labels []*annotate.Label, a, b string) ([]*annotate.Span, []*annotate.Label) {
	byID := map[string]*annotate.Label{}
	for _, l := range labels {
		byID[l.ID] = l
	}
	made := map[string]*annotate.Label{}
	var outLabels []*annotate.Label
	spans := make([]*annotate.Span, 0, len(cmp))
	for _, c := range cmp {
		kind := kindText(c.kind, a, b)
		if c.kind == kindOverlap {
			kind += " (" + c.Annotator + ")" // both versions show, each named
		}
		id := fmt.Sprintf("%d/%s/%s", c.kind, c.LabelID, kind)
		if made[id] == nil {
			name := "span"
			if l := byID[c.LabelID]; l != nil {
				name = l.Name
			}
			made[id] = &annotate.Label{ID: id, Name: name + " · " + kind, Color: kindColors[c.kind]}
			outLabels = append(outLabels, made[id])
		}
		sp := *c.Span
		sp.LabelID = id
		spans = append(spans, &sp)
	}
	return spans, outLabels
}

// compareArea is the Compare window: two annotators' layers of the shown
// document overlaid, agreements and disagreements in distinct colours.
type compareArea struct {
	s      *session
	app    fyne.App
	win    fyne.Window // the Compare window, nil when closed
	a, b   *widget.Select
	view   *textview.TextView
	counts *widget.Label
	keys   [4]*canvas.Text // the legend's texts, in agreementKind order
}

// show opens the Compare window on the shown document.
func (c *compareArea) show() {
	if c.s.doc == nil || c.s.team() == nil {
		return
	}
	if c.win != nil {
		c.refresh()
		c.win.RequestFocus()
		return
	}
	names := c.s.annotators()
	c.a = widget.NewSelect(names, func(string) { c.refresh() })
	c.b = widget.NewSelect(names, func(string) { c.refresh() })
	c.view = textview.New()
	c.view.ShowLabelTags(true)
	c.counts = widget.NewLabel("")
	bar := container.NewHBox(widget.NewLabel("Compare"), c.a, widget.NewLabel("with"), c.b, c.counts)
	c.win = c.app.NewWindow("Gloss — Compare")
	c.win.SetContent(container.NewBorder(bar, c.legend(), nil, nil, c.view))
	c.win.Resize(fyne.NewSize(900, 640))
	c.win.SetOnClosed(func() { c.win = nil })
	if len(names) > 0 {
		c.a.SetSelectedIndex(0)
	}
	if len(names) > 1 {
		c.b.SetSelectedIndex(1)
	}
	c.refresh()
	c.win.Show()
}

// legend shows what each colour means.
func (c *compareArea) legend() fyne.CanvasObject {
	box := container.NewHBox()
	for k := kindMatch; k <= kindOnlyB; k++ {
		sw := canvas.NewRectangle(parseColor(kindColors[k]))
		sw.SetMinSize(fyne.NewSize(18, 14))
		c.keys[k] = canvas.NewText([...]string{"exact match", "overlap, not exact", "only A", "only B"}[k], theme.Color(theme.ColorNameForeground))
		box.Add(container.NewCenter(sw))
		box.Add(c.keys[k])
	}
	return container.NewPadded(box)
}

// refresh shows the chosen annotators' layers of the shown document.
func (c *compareArea) refresh() {
	if c.win == nil || c.s.doc == nil || c.a == nil || c.b == nil {
		return
	}
	c.win.SetTitle("Gloss — Compare — " + c.s.doc.Title)
	a, b := c.a.Selected, c.b.Selected
	la, errA := c.s.team().SpansBy(c.s.doc.ID, a)
	lb, errB := c.s.team().SpansBy(c.s.doc.ID, b)
	if err := firstErr(errA, errB); err != nil {
		showError(c.win, err)
		return
	}
	cmp := compareLayers(la, lb)
	spans, labels := compareView(cmp, c.s.labels, a, b)
	c.view.SetDocument(c.s.doc.Text, spans, labels)
	var n [4]int
	for _, s := range cmp {
		n[s.kind]++
	}
	for k, name := range [...]string{2: a, 3: b} {
		if k >= 2 {
			c.keys[k].Text = "only " + name
			c.keys[k].Refresh()
		}
	}
	c.counts.SetText(fmt.Sprintf("%d match, %d overlap, %d only %s, %d only %s", n[0], n[1], n[2], a, n[3], b))
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
