package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app/textview"
)

// Hooks for the tests in package app_test, which drive a window built on a
// real store (package app itself may not import the store).

// Probe is a window as the tests see it: the Gloss and what its areas show.
type Probe struct{ *Gloss }

// NewProbe wraps a window for a test.
// Its searches over all documents run at once (see FakeSearchClock).
func NewProbe(g *Gloss) *Probe {
	p := &Probe{g}
	for _, b := range p.backgrounds() {
		b.runInline()
	}
	// Tooltips and the font check run on the test's goroutine: the test
	// driver runs fyne.Do at once, on whatever goroutine calls it.
	g.status.state.tips.now = true
	g.glyphs.now = true
	p.catchLive() // live updates wait for AwaitLive (live_export_test.go)
	return p
}

// View returns the annotated text view.
func (g *Probe) View() *textview.TextView { return g.text.view }

// Document returns the document shown.
func (g *Probe) Document() *annotate.Document { return g.s.doc }

// SelectedSpan returns the ID of the selected span.
func (g *Probe) SelectedSpan() string { return g.spans.selected }

// EditorSpan returns the span shown in the side panel, nil when hidden.
func (g *Probe) EditorSpan() *annotate.Span {
	if !g.spans.editor.form.Visible() {
		return nil
	}
	return g.spans.editor.span
}

// EditorText returns the covered text the side panel shows.
func (g *Probe) EditorText() string {
	return g.spans.editor.text.Text + "  " + g.spans.editor.length.Text
}

// EditorNote returns the side panel's note field.
func (g *Probe) EditorNote() *widget.Entry { return g.spans.editor.note }

// FlushNote saves a note still waiting for its typing pause.
func (g *Probe) FlushNote() { g.spans.editor.flushNote() }

// MenuAction returns the action of the menu item whose label starts with label.
func (g *Probe) MenuAction(menu, label string) func() {
	for _, m := range g.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, label) {
				return it.Action
			}
		}
	}
	return nil
}

// MenuItem returns item i of the main menu named menu.
func (g *Probe) MenuItem(menu string, i int) *fyne.MenuItem {
	for _, m := range g.win.MainMenu().Items {
		if m.Label == menu {
			return m.Items[i]
		}
	}
	return nil
}

// DocsSearch returns the documents search field.
func (g *Probe) DocsSearch() *widget.Entry { return g.docs.panel.search }

// DocMatch is one row of the documents list as filtered.
type DocMatch struct {
	Title  string
	Ranges [][2]int // highlighted rune ranges of the title
}

// DocMatches returns the documents list as filtered now.
func (g *Probe) DocMatches() []DocMatch {
	var out []DocMatch
	for _, r := range g.docs.panel.rows {
		out = append(out, DocMatch{r.info.Title, runRanges(r.title)})
	}
	return out
}

// SpanRows returns the covered text of the spans panel's rows.
func (g *Probe) SpanRows() []string {
	var out []string
	for _, sp := range g.spans.panel.shown {
		out = append(out, g.spans.panel.covered(sp))
	}
	return out
}

// SetSpanFilter filters the spans panel by label name ("" for all).
func (g *Probe) SetSpanFilter(name string) {
	if name == "" {
		name = allLabels
	}
	g.spans.panel.filter.SetSelected(name)
}

// LabelEditor is the label schema editor, for tests.
type LabelEditor struct{ e *labelEditor }

// OpenLabelEditor opens the label editor dialog.
func (g *Probe) OpenLabelEditor() *LabelEditor {
	return &LabelEditor{newLabelEditor(g.labels, g.win, g.status.saved)}
}

// Select shows the label named name in the form.
func (l *LabelEditor) Select(name string) {
	for i, lb := range l.e.ls.list() {
		if lb.Name == name {
			l.e.list.Select(i)
		}
	}
}

// Add adds a new label, as the Add button does.
func (l *LabelEditor) Add() { l.e.add() }

// Form returns the form's name field, hotkey choice and colour field.
func (l *LabelEditor) Form() (name *widget.Entry, hotkey *widget.Select, color *widget.Entry) {
	return &l.e.name.Entry, l.e.hotkey, &l.e.color.Entry
}

// Save saves the form, as the Save button does.
func (l *LabelEditor) Save() { l.e.save() }

// Move moves the label shown up or down.
func (l *LabelEditor) Move(delta int) { l.e.move(delta) }

// ConfirmDelete opens the delete dialog for the label shown.
func (l *LabelEditor) ConfirmDelete() { l.e.confirmDelete() }

// Overlay returns the window's top overlay (a dialog), or nil.
func (g *Probe) Overlay() fyne.CanvasObject { return g.win.Canvas().Overlays().Top() }

// ReloadForTest rereads the project, as after changes made behind the
// window's back.
func ReloadForTest(g *Probe) {
	g.labels.reload()
	g.docs.reload()
	if g.s.doc != nil {
		g.docs.show(g.s.doc.ID)
	}
}

// Drop imports files as if dropped on the window and waits for the import
// to finish.
func (g *Probe) Drop(paths ...string) {
	done := make(chan struct{}, 1)
	g.xfer.afterImport = func() { done <- struct{}{} }
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	g.xfer.dropped(fyne.NewPos(10, 10), uris)
	<-done
	g.xfer.afterImport = nil
}

// StatusText returns the status bar's counts and its saved note.
func (g *Probe) StatusText() (counts, state string) {
	return g.status.counts.Text, g.status.state.Text
}

// NoticeShown reports whether the read-only banner is visible.
func (g *Probe) NoticeShown() bool { return g.notice.Visible() }

// TapSpanRow taps row i of the spans panel, which jumps to that span.
func (g *Probe) TapSpanRow(i int) { g.spans.panel.list.Select(i) }

// StatusMessage shows a message in the status bar, as a warning does.
func (g *Probe) StatusMessage(text string) { g.status.message(text) }

// AwaitBackupWarnings waits until the window has heard how every backup
// made on opening ended (and said so when one failed).
func (g *Probe) AwaitBackupWarnings() { g.files.warning.Wait() }
