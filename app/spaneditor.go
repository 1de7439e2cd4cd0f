package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// noteSaveDelay is how long typing in the note pauses before it is saved.
const noteSaveDelay = 600 * time.Millisecond

// maxEditorText is how many code points of the span's text the editor shows.
const maxEditorText = 400

// spanEditor is the side panel for the selected span: its label, text,
// offsets and note, and a delete button.
type spanEditor struct {
	label   *widget.Select
	swatch  *chip
	text    *widget.Label
	start   *widget.Entry
	end     *widget.Entry
	note    *widget.Entry
	del     *widget.Button
	hint    *widget.Label
	form    *fyne.Container
	content fyne.CanvasObject

	span     *annotate.Span // a copy of the span shown, nil when none
	labels   []*annotate.Label
	readOnly bool
	loading  bool // fields are being filled in: ignore their callbacks
	saving   bool // an update is on its way to the project
	timer    *time.Timer

	onUpdate func(updated *annotate.Span) error
	onDelete func(id string)
}

func newSpanEditor() *spanEditor {
	e := &spanEditor{}
	e.label = widget.NewSelect(nil, e.labelChanged)
	e.swatch = newChip("", "#999999")
	e.text = widget.NewLabel("")
	e.text.Wrapping = fyne.TextWrapWord
	e.start = widget.NewEntry()
	e.end = widget.NewEntry()
	e.start.OnSubmitted = func(string) { e.offsetsChanged() }
	e.end.OnSubmitted = func(string) { e.offsetsChanged() }
	apply := widget.NewButtonWithIcon("", theme.ConfirmIcon(), e.offsetsChanged)
	apply.Importance = widget.LowImportance
	e.note = widget.NewMultiLineEntry()
	e.note.SetPlaceHolder("Note (saved as you type)")
	e.note.Wrapping = fyne.TextWrapWord
	e.note.SetMinRowsVisible(3)
	e.note.OnChanged = func(string) { e.noteChanged() }
	e.del = widget.NewButtonWithIcon("Delete span", theme.DeleteIcon(), func() {
		if e.span != nil && e.onDelete != nil {
			e.onDelete(e.span.ID)
		}
	})
	e.del.Importance = widget.DangerImportance
	e.hint = widget.NewLabel("Select text and press a label's key (1–9), or click a highlighted span to edit it here.")
	e.hint.Wrapping = fyne.TextWrapWord
	e.hint.Importance = widget.LowImportance

	offsets := container.NewBorder(nil, nil, nil, apply,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel("Start"), nil, e.start),
			container.NewBorder(nil, nil, widget.NewLabel("End"), nil, e.end)))
	e.form = container.NewVBox(
		container.NewBorder(nil, nil, e.swatch, nil, e.label),
		e.text,
		offsets,
		e.note,
		e.del,
	)
	heading := widget.NewLabelWithStyle("Selected span", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.content = container.NewBorder(heading, nil, nil, nil, container.NewStack(e.hint, e.form))
	e.show(nil, nil)
	return e
}

// setLabels updates the label choices.
func (e *spanEditor) setLabels(labels []*annotate.Label) {
	e.labels = labels
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	e.loading = true
	e.label.SetOptions(names)
	e.loading = false
	if e.span != nil {
		e.show(e.span, nil)
	}
}

// setReadOnly disables editing.
func (e *spanEditor) setReadOnly(ro bool) {
	e.readOnly = ro
	e.show(e.span, nil)
}

// show fills the panel with sp (nil clears it); text is the document's text,
// or nil to keep the covered text shown.
func (e *spanEditor) show(sp *annotate.Span, text []rune) {
	same := sp != nil && e.span != nil && sp.ID == e.span.ID
	if !same {
		e.flushNote()
	}
	e.loading = true
	defer func() { e.loading = false }()
	if sp == nil {
		e.span = nil
		e.form.Hide()
		e.hint.Show()
		return
	}
	cp := *sp
	e.span = &cp
	e.hint.Hide()
	e.form.Show()
	for _, l := range e.labels {
		if l.ID == sp.LabelID {
			e.label.SetSelected(l.Name)
			e.swatch.set("", l.Color)
		}
	}
	if text != nil {
		e.text.SetText(quoteSpan(text, sp.Start, sp.End))
	}
	e.start.SetText(strconv.Itoa(sp.Start))
	e.end.SetText(strconv.Itoa(sp.End))
	if e.note.Text != sp.Note && !(same && e.timer != nil) { // keep typing that is not saved yet
		e.note.SetText(sp.Note)
	}
	for _, w := range []fyne.Disableable{e.label, e.start, e.end, e.note, e.del} {
		if e.readOnly {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// quoteSpan is the span's text for the editor, shortened when long.
func quoteSpan(text []rune, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	rs := text[start:end]
	s := string(rs)
	if len(rs) > maxEditorText {
		s = string(rs[:maxEditorText/2]) + " … " + string(rs[len(rs)-maxEditorText/2:])
	}
	return fmt.Sprintf("“%s”  (%s)", strings.TrimSpace(s), plural(end-start, "character"))
}

func (e *spanEditor) labelChanged(name string) {
	if e.loading || e.span == nil {
		return
	}
	for _, l := range e.labels {
		if l.Name == name && l.ID != e.span.LabelID {
			up := *e.span
			up.LabelID = l.ID
			e.update(&up)
			return
		}
	}
}

func (e *spanEditor) offsetsChanged() {
	if e.span == nil || e.readOnly {
		return
	}
	s, err1 := strconv.Atoi(strings.TrimSpace(e.start.Text))
	n, err2 := strconv.Atoi(strings.TrimSpace(e.end.Text))
	if err1 != nil || err2 != nil {
		e.update(nil)
		return
	}
	if s == e.span.Start && n == e.span.End {
		return
	}
	up := *e.span
	up.Start, up.End = s, n
	e.update(&up)
}

func (e *spanEditor) noteChanged() {
	if e.loading || e.span == nil {
		return
	}
	if e.timer != nil {
		e.timer.Stop()
	}
	e.timer = time.AfterFunc(noteSaveDelay, func() { fyne.Do(e.flushNote) })
}

// flushNote saves a note that is still waiting for its typing pause.
func (e *spanEditor) flushNote() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
	if e.span == nil || e.readOnly || e.note.Text == e.span.Note {
		return
	}
	up := *e.span
	up.Note = e.note.Text
	e.update(&up)
}

// update hands a changed span to the window; on failure (or with nil, for
// unreadable input) the fields go back to the span as stored.
func (e *spanEditor) update(up *annotate.Span) {
	if e.saving {
		return
	}
	e.saving = true
	defer func() { e.saving = false }()
	if up != nil && e.onUpdate != nil {
		if err := e.onUpdate(up); err == nil {
			cp := *up
			e.span = &cp
			return
		}
	}
	if e.span != nil {
		sp := e.span
		e.loading = true
		e.start.SetText(strconv.Itoa(sp.Start))
		e.end.SetText(strconv.Itoa(sp.End))
		for _, l := range e.labels {
			if l.ID == sp.LabelID {
				e.label.SetSelected(l.Name)
			}
		}
		e.loading = false
	}
}
