package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app/textview"
)

// textArea is the text being annotated: the text view (or, without a
// document, a hint), its zoom and word snapping, and the hover tooltip.
// The view reports selection, taps and keys; wire.go routes them to the
// areas that act on them.
type textArea struct {
	win     fyne.Window
	prefs   fyne.Preferences
	view    *textview.TextView
	empty   *fyne.Container // shown instead of the text when there is no document
	tips    *tooltips
	content fyne.CanvasObject
	scale   float32 // text zoom
	scroll  scrollMemory

	onHover func(labels []annotate.Label) // the labels under the mouse changed
	onZoom  func(scale float32)
	onSnap  func(on bool)
}

func newTextArea(win fyne.Window, prefs fyne.Preferences, tips *tooltips) *textArea {
	t := &textArea{win: win, prefs: prefs, tips: tips, view: textview.New(), scroll: scrollMemory{prefs: prefs}}
	hint := widget.NewLabel("This project has no documents yet.\nImport texts, saved web pages, Word files or tables with File → Import, or drop them on this window.")
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	t.empty = container.NewCenter(hint)
	t.empty.Hide()
	t.content = container.NewStack(t.view, t.empty)
	return t
}

// show shows a document's text with its spans, or the hint when d is nil.
func (t *textArea) show(d *annotate.Document, spans []*annotate.Span, labels []*annotate.Label) {
	t.tips.hide()
	if d == nil {
		t.view.SetDocument("", nil, labels)
		t.view.Hide()
		t.empty.Show()
		return
	}
	t.empty.Hide()
	t.view.Show()
	t.view.SetDocument(d.Text, spans, labels)
	t.focus()
}

// focus gives the keyboard to the text view, ready for hotkeys.
func (t *textArea) focus() { t.win.Canvas().Focus(t.view) }

// hovered names the labels under the mouse and, after a pause, shows them
// in a tooltip below the line.
func (t *textArea) hovered(cp int, labels []annotate.Label) {
	if t.onHover != nil {
		t.onHover(labels)
	}
	if cp < 0 || len(labels) == 0 {
		t.tips.hide()
		return
	}
	var b strings.Builder
	for i, l := range labels {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(l.Name)
		if l.Description != "" {
			b.WriteString(": " + l.Description)
		}
	}
	pos := t.view.PositionOf(cp).AddXY(0, t.lineHeight()*1.2)
	t.tips.showAt(t.view, pos, b.String())
}

// lineHeight estimates one text line's height at the current zoom.
func (t *textArea) lineHeight() float32 {
	return fyne.MeasureText("Mg", theme.TextSize()*t.scale, fyne.TextStyle{}).Height
}

// initView applies the remembered view preferences.
func (t *textArea) initView() {
	t.view.SetSnapToWords(t.snapOn())
	t.view.ShowLabelTags(t.tagsOn())
	t.setZoom(float32(t.prefs.FloatWithFallback(prefTextScale, defaultTextScale)))
}

// snapOn reports whether selections snap to word boundaries.
func (t *textArea) snapOn() bool { return t.prefs.BoolWithFallback(prefSnapWords, true) }

// toggleSnap switches snapping of selections to word boundaries.
func (t *textArea) toggleSnap() {
	on := !t.snapOn()
	t.prefs.SetBool(prefSnapWords, on)
	t.view.SetSnapToWords(on)
	if t.onSnap != nil {
		t.onSnap(on)
	}
}

// zoom changes the text size by step.
func (t *textArea) zoom(step float32) { t.setZoom(t.scale + step) }

// setZoom sets and remembers the text size.
func (t *textArea) setZoom(s float32) {
	s = max(minTextScale, min(maxTextScale, s))
	s = float32(int(s*10+0.5)) / 10
	t.scale = s
	t.view.SetTextScale(s)
	t.prefs.SetFloat(prefTextScale, float64(s))
	if t.onZoom != nil {
		t.onZoom(s)
	}
}
