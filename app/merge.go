package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// mergeArea is File ▸ Merge coders' files…: other coders' project files
// brought into this one in one transaction, as the store's merge does
// (documents matched by their text, labels by name, spans with their
// annotators; merging a file twice adds nothing).
type mergeArea struct {
	s       *session
	win     fyne.Window
	dialogs *fileDialogs
	status  *statusBar

	onMerged func() // documents, labels or spans may have been added
}

// merger is the project as an annotate.Merger, or nil.
func (m *mergeArea) merger() annotate.Merger {
	mg, _ := m.s.p.(annotate.Merger)
	return mg
}

// show lets the user pick one or more project files (one at a time: the
// file dialog picks one) and merges them together.
func (m *mergeArea) show() {
	if m.merger() == nil {
		return
	}
	if m.s.p.ReadOnly() {
		m.status.message("This project is read-only: nothing can be merged into it.")
		return
	}
	var paths []string
	list := widget.NewLabel("No file chosen yet.")
	list.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	add := widget.NewButton("Add a project file…", func() {
		fd := m.dialogs.open(func(path string) {
			for _, p := range paths {
				if p == path {
					return
				}
			}
			paths = append(paths, path)
			list.SetText(strings.Join(paths, "\n"))
		})
		m.dialogs.show(fd)
	})
	hint := widget.NewLabel("Documents are matched by their text, labels by name; every coder's spans are added with their name. " +
		"All files are merged in one step: everything, or nothing if a file is refused. Merging a file again adds nothing.")
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(hint, add, list)
	d = dialog.NewCustomConfirm("Merge coders' files", "Merge", "Cancel", body, func(ok bool) {
		if ok && len(paths) > 0 {
			m.merge(paths)
		}
	}, m.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// merge merges the files at paths and shows what it did.
func (m *mergeArea) merge(paths []string) error {
	res, err := m.merger().MergeFiles(context.Background(), paths, nil)
	if err != nil {
		showError(m.win, err)
		return err
	}
	if m.onMerged != nil {
		m.onMerged()
	}
	m.status.saved(fmt.Sprintf("merged %s", plural(len(paths), "file")))
	dialog.ShowInformation("Merged", mergeSummary(res), m.win)
	return nil
}

// mergeSummary says what a merge added and matched, file by file.
func mergeSummary(res []annotate.MergeSummary) string {
	var b strings.Builder
	for i, r := range res {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%s:\n  documents: %d added, %d matched\n  labels: %d added, %d matched",
			filepath.Base(r.File), r.DocumentsAdded, r.DocumentsMatched, r.LabelsAdded, r.LabelsMatched)
		var anns []string
		for a := range r.SpansAdded {
			anns = append(anns, a)
		}
		sort.Strings(anns)
		for _, a := range anns {
			fmt.Fprintf(&b, "\n  spans of %s: %d added, %d matched", a, r.SpansAdded[a], r.SpansMatched[a])
		}
		if r.StatusesSet > 0 {
			fmt.Fprintf(&b, "\n  statuses: %d set", r.StatusesSet)
		}
		if len(r.Renamed) > 0 {
			fmt.Fprintf(&b, "\n  %s added under a new ID (the ID was taken here)", plural(len(r.Renamed), "span"))
		}
	}
	return b.String()
}
