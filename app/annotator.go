package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/internal/whoami"
)

// prefAnnotator is the preference holding the annotator's name, the name
// every edit made in the window is recorded under.
const prefAnnotator = "annotator"

// AnnotatorName is the name the window's projects are opened with: the one
// chosen in the window (kept in the preferences), else whoami.Default()
// ($GLOSS_ANNOTATOR, else the OS user name). cmd/gloss passes it to
// store.Options.Annotator.
func AnnotatorName(prefs fyne.Preferences) string {
	if n := strings.TrimSpace(prefs.String(prefAnnotator)); n != "" {
		return n
	}
	return whoami.Default()
}

// annotatorArea is who is annotating: asked once at first start, kept in
// the preferences, shown in the status bar and changed from the menu. A
// project is opened with one annotator, so a change reopens the project.
type annotatorArea struct {
	s      *session
	win    fyne.Window
	prefs  fyne.Preferences
	status *statusBar

	reopen func() // open the shown project again, as the new annotator
}

// current is the annotator the open project records edits under.
func (a *annotatorArea) current() string { return a.s.annotator() }

// projectSet shows the open project's annotator in the status bar.
func (a *annotatorArea) projectSet() { a.status.setAnnotator(a.current()) }

// askOnce asks for the annotator's name when none was ever chosen (nor
// given in $GLOSS_ANNOTATOR).
func (a *annotatorArea) askOnce() {
	if a.prefs.String(prefAnnotator) != "" || whoami.Env() != "" {
		return
	}
	a.ask("Who is annotating?", "Your name is recorded on every span you add, so that several coders' work can be compared.")
}

// showChange lets the annotator change their name (Edit ▸ Annotator…).
func (a *annotatorArea) showChange() {
	a.ask("Annotator", "Spans you add from now on carry this name. Undo, status and \"mine\" follow it.")
}

// ask shows the name dialog prefilled with the current name.
func (a *annotatorArea) ask(title, why string) {
	name := newDialogEntry()
	name.SetText(AnnotatorName(a.prefs))
	hint := widget.NewLabel(why)
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("", hint)}
	d := dialog.NewForm(title, "OK", "Cancel", items, func(ok bool) {
		if ok {
			a.setName(name.Text)
		}
	}, a.win)
	name.OnSubmitted = func(string) { d.Submit() } // Enter is OK
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	a.win.Canvas().Focus(name)
}

// setName keeps name and, when it differs from the open project's
// annotator, reopens the project as name. Blank names and gold (the
// curated layer's owner) are refused.
func (a *annotatorArea) setName(name string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		a.status.message("An annotator needs a name: nothing changed.")
		return
	case name == annotate.Gold:
		showError(a.win, annotate.Errorf(annotate.EINVALID, "%q is the curated layer's name: choose your own", annotate.Gold))
		return
	}
	a.prefs.SetString(prefAnnotator, name)
	if name != a.current() && a.reopen != nil {
		a.reopen()
	}
	a.status.setAnnotator(a.current())
	a.status.message("Annotating as " + name)
}
