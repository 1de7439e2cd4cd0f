package app

import (
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// layer is which annotators' spans the text view shows. The zero value is
// everyone's. Editing rules: new spans go to the current annotator's layer
// (gold's when the layer is gold); a span can be changed or deleted only in
// its owner's layer, that is when it is the current annotator's own (in the
// mine and everyone layers) or gold's (in the gold layer). Another
// annotator's layer is read-only.
type layer struct {
	kind      layerKind
	annotator string // layerOne: whose spans
}

type layerKind int

const (
	layerEveryone layerKind = iota
	layerMine
	layerGold
	layerOne
)

// owner is the annotator new spans are recorded as in this layer, "" when
// the layer takes no new spans; me is the current annotator.
func (l layer) owner(me string) string {
	switch l.kind {
	case layerGold:
		return annotate.Gold
	case layerOne:
		if l.annotator != me {
			return ""
		}
	}
	return me
}

// shows reports whether the layer shows a span of annotator ann.
func (l layer) shows(ann, me string) bool {
	switch l.kind {
	case layerMine:
		return ann == me
	case layerGold:
		return ann == annotate.Gold
	case layerOne:
		return ann == l.annotator
	}
	return true
}

// layerSpans lists the shown layer's spans of a document in text order.
func (s *session) layerSpans(docID string) ([]*annotate.Span, error) {
	all, err := s.p.Spans(docID)
	if err != nil || s.layer.kind == layerEveryone {
		return all, err
	}
	me := s.annotator()
	out := all[:0:0]
	for _, sp := range all {
		if s.layer.shows(sp.Annotator, me) {
			out = append(out, sp)
		}
	}
	return out, nil
}

// layerOwner is who new spans are recorded as ("" for nobody: read-only layer).
func (s *session) layerOwner() string { return s.layer.owner(s.annotator()) }

// mayEdit reports whether sp can be changed or deleted in the shown layer.
func (s *session) mayEdit(sp *annotate.Span) bool {
	if s.team() == nil {
		return true
	}
	owner := s.layerOwner()
	return owner != "" && sp.Annotator == owner
}

// layerEditable reports whether sp (nil: a new span) may be edited,
// telling the user why not.
func (a *spansArea) layerEditable(sp *annotate.Span) bool {
	switch {
	case a.s.team() == nil:
		return true
	case a.s.layerOwner() == "":
		a.status.message("This is " + a.s.layer.annotator + "'s layer: switch to yours to annotate.")
		return false
	case sp != nil && !a.s.mayEdit(sp):
		a.status.message("This span is " + sp.Annotator + "'s: you can change only your own layer (or gold in the gold layer).")
		return false
	}
	return true
}

// layersArea is the layer switch above the text.
type layersArea struct {
	s      *session
	choice *widget.Select
	names  []layer // the choice's options, in order

	onChanged func() // the layer changed: show the document again
}

const (
	layerEveryoneText = "Everyone"
	layerGoldText     = "Gold"
)

func newLayersArea(s *session) *layersArea {
	a := &layersArea{s: s}
	a.choice = widget.NewSelect(nil, a.selected)
	a.choice.PlaceHolder = "Layer: everyone's spans" // wide enough for the options
	return a
}

// refresh lists the project's annotators as options, keeping the choice.
func (a *layersArea) refresh() {
	me := a.s.annotator()
	a.names = []layer{{kind: layerEveryone}, {kind: layerMine}, {kind: layerGold}}
	opts := []string{layerEveryoneText, "Mine (" + me + ")", layerGoldText}
	for _, n := range a.s.annotators() {
		if n != me && n != annotate.Gold {
			a.names = append(a.names, layer{kind: layerOne, annotator: n})
			opts = append(opts, "Only "+n)
		}
	}
	a.choice.Options = opts
	a.choice.Refresh()
	for i, l := range a.names {
		if l == a.s.layer {
			a.choice.SetSelectedIndex(i)
			return
		}
	}
	a.set(layer{})
}

// set switches to layer l.
func (a *layersArea) set(l layer) {
	for i, n := range a.names {
		if n == l {
			a.choice.SetSelectedIndex(i) // calls selected
			return
		}
	}
	a.s.layer = layer{}
	a.choice.SetSelectedIndex(0)
}

func (a *layersArea) selected(string) {
	i := a.choice.SelectedIndex()
	if i < 0 || i >= len(a.names) || a.names[i] == a.s.layer {
		return
	}
	a.s.layer = a.names[i]
	if a.onChanged != nil {
		a.onChanged()
	}
}
