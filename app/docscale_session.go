package app

import (
	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// pagedFrom is the document count from which a project's list is read a
// page at a time (when the project is an annotate.Pager). A smaller one is
// read whole, so that its title search can rank every title (subsequences,
// accents ignored) rather than the candidates an index gives. Tests lower it.
var pagedFrom = 20000

// allDocs lists every document of the project: the session's list, or
// while the list is paged, a read of all of them (what a search over the
// whole corpus costs anyway). An error is logged and gives none.
func (s *session) allDocs() []annotate.DocumentInfo {
	if s.pager == nil || s.p == nil {
		return s.docs
	}
	docs, err := s.p.Documents()
	if err != nil {
		fyne.LogError("list documents", err)
	}
	return docs
}

// docTotal is how many documents the project holds.
func (s *session) docTotal() int {
	if s.pager == nil {
		return len(s.docs)
	}
	n, err := s.pager.Count(annotate.DocFilter{})
	if err != nil {
		fyne.LogError("count documents", err)
	}
	return n
}

// pagedCounts returns the documents and those done for the annotator,
// from the store's counts, while the list is paged.
func (s *session) pagedCounts() (docs, done int) {
	docs = s.docTotal()
	done, err := s.pager.Count(annotate.DocFilter{Status: annotate.StatusDone})
	if err != nil {
		fyne.LogError("count documents", err)
	}
	return docs, done
}
