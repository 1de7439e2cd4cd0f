package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"gloss/annotate"
)

// session is the state the areas share: the open project and what the
// window shows of it. Each part has one writer: labels (labelsArea), docs
// and doc, runes, spans when a document is shown (documents), spans after
// an edit (spansArea); the project itself is switched in wire.go.
type session struct {
	p      Project
	labels []*annotate.Label
	docs   []annotate.DocumentInfo
	pager  annotate.Pager     // set while the documents are listed page by page: docs is nil then (see allDocs)
	doc    *annotate.Document // the document shown, nil when the project has none
	runes  []rune             // doc's text
	spans  []*annotate.Span   // doc's spans in text order (of the shown layer)
	layer  layer              // whose spans are shown (layers.go)
}

// span returns the shown document's span with this ID, or nil.
func (s *session) span(id string) *annotate.Span {
	for _, sp := range s.spans {
		if sp.ID == id {
			return sp
		}
	}
	return nil
}

// label returns the label with this ID, or nil.
func (s *session) label(id string) *annotate.Label {
	for _, l := range s.labels {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// labelName names the label with this ID, or "span" when there is none.
func (s *session) labelName(id string) string {
	if l := s.label(id); l != nil {
		return l.Name
	}
	return "span"
}

// hotkeyLabel returns the label whose hotkey is r, or nil.
func (s *session) hotkeyLabel(r rune) *annotate.Label {
	for _, l := range s.labels {
		if l.Hotkey != "" && strings.EqualFold(l.Hotkey, string(r)) {
			return l
		}
	}
	return nil
}

// hasDoc reports whether the project lists a document with this ID.
func (s *session) hasDoc(id string) bool {
	if s.pager != nil {
		_, err := s.p.Document(id)
		return err == nil
	}
	for _, d := range s.docs {
		if d.ID == id {
			return true
		}
	}
	return false
}

// projectName is the project file's name without its extension.
func (s *session) projectName() string {
	if isServerAddress(s.p.Path()) { // a server project: its database
		return serverDatabase(s.p.Path())
	}
	base := filepath.Base(s.p.Path())
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// showError shows err in a dialog over win.
func showError(win fyne.Window, err error) {
	if err == nil {
		return
	}
	fyne.LogError("gloss", err)
	d := dialog.NewError(err, win)
	showDialog(win, d, dialogKeys{escape: d.Hide, enter: d.Hide})
}
