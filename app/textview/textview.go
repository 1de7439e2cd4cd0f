// Package textview provides TextView, the annotated text view of Gloss: a
// read-only, word-wrapped view of a long document that paints labelled spans
// and reports selections in Unicode code points.
//
// Offsets everywhere in this package count every code point of the original
// text, including the '\r' of "\r\n" line ends, which is never drawn. The
// view lays out only the paragraphs on screen, so a megabyte of text opens
// at once; every method must be called on the Fyne main goroutine (use
// fyne.Do from elsewhere).
package textview

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

var _ fyne.Widget = (*TextView)(nil)

// TextView shows a document with its spans highlighted in their labels'
// colours and lets the user select text with the mouse and keyboard.
type TextView struct {
	widget.BaseWidget

	// OnSelectionChanged is called whenever the selection changes, with
	// start <= end in code points; start == end means no selection.
	OnSelectionChanged func(start, end int)
	// OnSpanTapped is called when a click without drag lands on a span, with
	// the innermost span's ID, or with "" when it lands on plain text. Where
	// spans overlap, clicking the same character again, or Tab (Shift+Tab
	// backwards), picks the next span out and calls it again.
	OnSpanTapped func(spanID string)
	// OnHover is called when the code point under the mouse changes, with
	// the labels covering it (outermost first); cp is -1 when the mouse is
	// over no text or has left the view.
	OnHover func(cp int, labels []annotate.Label)
	// OnTypedKey receives the keys the view does not use itself (Delete,
	// Return, Escape when nothing is selected, ...). Printable keys arrive
	// here by name and also, as characters, through OnTypedRune: handle
	// hotkeys in one of the two.
	OnTypedKey func(*fyne.KeyEvent)
	// OnTypedRune receives every typed character, for label hotkeys.
	OnTypedRune func(rune)
	// OnShortcut receives the shortcuts the view does not handle itself (it
	// handles copy and select all). When nil they go to the window's canvas,
	// so shortcuts added with Canvas.AddShortcut keep working.
	OnShortcut func(fyne.Shortcut)
	// OnLinkDragged, when set, is called when the user drags with Alt held
	// from one span to another, with the IDs of the innermost spans under
	// the press and the release; such a drag selects nothing.
	OnLinkDragged func(from, to string)
	// TabWalksSpans, when true, makes Tab and Shift+Tab select the next and
	// previous span in text order (calling OnSpanTapped), e.g. while the
	// user picks a relation's target.
	TabWalksSpans bool

	doc    document
	lay    layout
	layOK  bool    // lay matches the document, size and text size
	layW   float32 // widget width lay was made for
	scale  float32
	top    anchor
	spans  spanIndex
	labels map[string]*annotate.Label
	colors map[string]color.NRGBA

	selStart, selEnd int // the selection, on grapheme boundaries
	anchor, head     int // the fixed and the moving end of the selection
	snapWords        bool
	selectedSpan     string
	showTags         bool      // label names drawn at the start of spans
	find             findHits  // hits of a find in the document (findhits.go)
	rels             relations // relations drawn as arcs (relations.go)

	flashID    string
	flashLevel float32
	flashAnim  *fyne.Animation

	focused   bool
	mouse     mouseState
	hoverCP   int
	cycleCP   int       // code point of the last click, whose spans Tab cycles; -1 for none
	lastClick time.Time // when that click was
	version   int       // bumped when the text changes, to retire text objects

	// modifiers, when set, replaces the driver as the source of the
	// modifier keys held during a key event (tests set it).
	modifiers func() fyne.KeyModifier
}

// New returns an empty view with word snapping on.
func New() *TextView {
	v := &TextView{scale: 1, snapWords: true, hoverCP: -1, cycleCP: -1}
	v.doc = newDocument("")
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (v *TextView) CreateRenderer() fyne.WidgetRenderer {
	v.ExtendBaseWidget(v)
	return newRenderer(v)
}

// SetDocument shows text with its spans and the labels they refer to. The
// selection and the find hits are cleared and the view scrolls to the top.
func (v *TextView) SetDocument(text string, spans []*annotate.Span, labels []*annotate.Label) {
	v.doc = newDocument(text)
	v.layOK = false
	v.version++
	v.top = anchor{}
	v.selStart, v.selEnd, v.anchor, v.head = 0, 0, 0, 0
	v.selectedSpan = ""
	v.hoverCP, v.cycleCP = -1, -1
	v.find = findHits{current: -1}
	v.setLabels(labels)
	v.spans.set(spans)
	v.rels = relations{showAll: v.rels.showAll}
	v.Refresh()
}

// SetSpans replaces the spans shown; the text and its layout stay, so this
// is cheap enough to call after every edit.
func (v *TextView) SetSpans(spans []*annotate.Span) {
	v.spans.set(spans)
	v.rels.resolved = false
	v.Refresh()
}

// SetLabels replaces the labels that give spans their colours and names.
func (v *TextView) SetLabels(labels []*annotate.Label) {
	v.setLabels(labels)
	v.Refresh()
}

func (v *TextView) setLabels(labels []*annotate.Label) {
	v.labels = make(map[string]*annotate.Label, len(labels))
	v.colors = make(map[string]color.NRGBA, len(labels))
	for _, l := range labels {
		if l != nil {
			v.labels[l.ID] = l
			v.colors[l.ID] = parseColor(l.Color)
		}
	}
}

// SetSelectedSpan marks the span with this ID as the current one, drawn
// with a stronger colour and an outline; "" marks none.
func (v *TextView) SetSelectedSpan(id string) {
	if id == v.selectedSpan {
		return
	}
	v.selectedSpan = id
	if spanIndexOf(v.spansUnder(v.cycleCP), id) < 0 {
		v.cycleCP = -1 // picked elsewhere: Tab cycles the spans at its start
	}
	v.Refresh()
}

// SelectedSpan returns the ID of the current span, or "".
func (v *TextView) SelectedSpan() string { return v.selectedSpan }

// SetTextScale sets the zoom factor applied to the theme's text size (1 is
// the theme's size). The view keeps the same text at its top.
func (v *TextView) SetTextScale(f float32) {
	if f <= 0 || f == v.scale {
		return
	}
	top := v.topOffset()
	v.scale = f
	v.layOK = false
	v.prepare()
	v.scrollTopTo(top)
	v.Refresh()
}

// TextScale returns the zoom factor set by SetTextScale.
func (v *TextView) TextScale() float32 { return v.scale }

// SetSnapToWords turns snapping of mouse selections to whole words on or
// off. Selections never split a grapheme cluster either way.
func (v *TextView) SetSnapToWords(snap bool) { v.snapWords = snap }

// SnapToWords reports whether mouse selections snap to whole words.
func (v *TextView) SnapToWords() bool { return v.snapWords }

// Text returns the document's text exactly as given to SetDocument.
func (v *TextView) Text() string { return v.doc.text }

// Runes returns the document's code points. The slice is the view's own:
// do not modify it.
func (v *TextView) Runes() []rune { return v.doc.runes }

// MinSize returns the smallest size the view can be shrunk to; it is meant
// to fill the space it is given and scrolls by itself.
func (v *TextView) MinSize() fyne.Size {
	v.ExtendBaseWidget(v)
	return v.BaseWidget.MinSize()
}

// textSize returns the text size to lay out with.
func (v *TextView) textSize() float32 {
	return v.Theme().Size(theme.SizeNameText) * v.scale
}

// prepare makes sure the layout matches the document, the widget's width
// and the text size. It reports false while the widget has no size.
func (v *TextView) prepare() bool {
	size := v.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return false
	}
	ts := v.textSize()
	arcs := v.arcRow()
	if v.layOK && v.layW == size.Width && v.lay.m.size == ts && v.lay.m.tags == v.showTags && v.lay.m.arcs == arcs {
		return true
	}
	m := v.lay.m
	if m.size != ts || m.tags != v.showTags || m.arcs != arcs {
		m = newMetrics(ts, v.showTags, arcs)
	}
	v.lay.reset(&v.doc, m, size.Width-2*m.padX-scrollbarWidth(m))
	v.layOK, v.layW = true, size.Width
	if v.top.p >= len(v.doc.paras) {
		v.top = anchor{}
	}
	return true
}

// resized re-wraps the text for a new size, keeping the text at the top of
// the view in place.
func (v *TextView) resized(size fyne.Size) {
	if v.layOK && v.layW == size.Width {
		v.normalizeScroll()
		return
	}
	top := 0
	if v.layOK {
		top = v.topOffset()
	}
	if v.prepare() {
		v.scrollTopTo(top)
	}
}
