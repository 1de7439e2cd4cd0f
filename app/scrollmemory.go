package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
)

// prefScrollPositions keeps where each document was scrolled to, so that
// reopening it comes back there: entries "CP\tDOC\tPROJECT", newest last.
const prefScrollPositions = "text.scrollPositions"

// maxScrollPositions bounds the entries kept; the oldest go first.
const maxScrollPositions = 200

// scrollMemory remembers the top code point of each document shown, per
// project file, in the app's preferences.
type scrollMemory struct {
	prefs          fyne.Preferences
	project, docID string // what the text view shows now
}

// shown notes that document docID of project is in the view now and
// returns where to scroll it to (0: the top).
func (m *scrollMemory) shown(project, docID string) int {
	m.project, m.docID = project, docID
	for _, e := range m.prefs.StringList(prefScrollPositions) {
		if cp, doc, proj, ok := parseScrollEntry(e); ok && doc == docID && proj == project {
			return cp
		}
	}
	return 0
}

// leave remembers top as the position of the document shown.
func (m *scrollMemory) leave(top int) {
	if m.docID == "" || m.prefs == nil {
		return
	}
	list := m.prefs.StringList(prefScrollPositions)
	kept := make([]string, 0, len(list)+1)
	for _, e := range list {
		if _, doc, proj, ok := parseScrollEntry(e); ok && !(doc == m.docID && proj == m.project) {
			kept = append(kept, e)
		}
	}
	if top > 0 {
		kept = append(kept, strconv.Itoa(top)+"\t"+m.docID+"\t"+m.project)
	}
	if len(kept) > maxScrollPositions {
		kept = kept[len(kept)-maxScrollPositions:]
	}
	m.prefs.SetStringList(prefScrollPositions, kept)
}

func parseScrollEntry(e string) (cp int, doc, project string, ok bool) {
	f := strings.SplitN(e, "\t", 3)
	if len(f) != 3 {
		return 0, "", "", false
	}
	cp, err := strconv.Atoi(f[0])
	return cp, f[1], f[2], err == nil && cp >= 0
}

// rememberScroll keeps where the document shown is scrolled to.
func (t *textArea) rememberScroll() {
	if t.view.Visible() {
		t.scroll.leave(t.view.TopOffset())
	}
}

// restoreScroll scrolls document docID of project back to where it was
// left, or to the top.
func (t *textArea) restoreScroll(project, docID string) {
	if cp := t.scroll.shown(project, docID); cp > 0 {
		t.view.ScrollTopTo(cp)
	}
}
