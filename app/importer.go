package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// importPlan decides which files an import of paths reads: the plan of
// gloss-cli import with no format named (formats.PlanPaths with "auto").
func importPlan(paths []string) (*formats.Plan, error) {
	return formats.PlanPaths(paths, "auto")
}

// importPaths reads files and folders in the background with a progress
// bar and a Cancel button, then adds everything to the project in one
// transaction; a cancelled import adds nothing.
func (t *transfers) importPaths(paths []string) {
	if t.s.p.ReadOnly() {
		showError(t.win, annotate.Errorf(annotate.EINVALID, "this project is read-only: nothing can be imported into it"))
		return
	}
	plan, err := importPlan(paths)
	if err != nil {
		showError(t.win, err)
		return
	}
	units := len(plan.Reads)
	if units == 0 {
		showError(t.win, annotate.Errorf(annotate.EINVALID, "no files found to import (Gloss reads %v)", formats.ReadExtensions()))
		return
	}
	bar := widget.NewProgressBar()
	what := widget.NewLabel("Reading…")
	what.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(what, bar)
	job := t.start("Importing "+plural(units, "file"), container.NewGridWrap(fyne.NewSize(420, body.MinSize().Height), body), what)
	p := t.s.p
	go func() {
		batch, err := formats.Load(job.ctx, plan, func(i, n int, path string) {
			name := filepath.Base(path)
			fyne.Do(func() {
				what.SetText(fmt.Sprintf("Reading %s (%s of %s)", name, countText(i+1), countText(n)))
				bar.SetValue(float64(i) / float64(n+1))
			})
		})
		if err == nil {
			err = job.ctx.Err() // cancelled after the last file: add nothing
		}
		if err != nil {
			fyne.Do(func() {
				t.finish(job, "Import", err)
				t.importDone()
			})
			return
		}
		fyne.Do(func() {
			what.SetText(fmt.Sprintf("Saving %s…", plural(len(batch.Documents), "document")))
			bar.SetValue(float64(units) / float64(units+1))
		})
		res, err := p.Import(batch)
		fyne.Do(func() {
			bar.SetValue(1)
			t.finish(job, "Import", err)
			if err == nil && p == t.s.p { // else another project was opened meanwhile
				t.imported(batch, res, plan)
			}
			t.importDone()
		})
	}()
}

// importDone tells a test waiting for an import that it is over.
func (t *transfers) importDone() {
	if t.afterImport != nil {
		t.afterImport()
	}
}

// imported shows what an import added, and from which files (plan).
func (t *transfers) imported(batch *annotate.Batch, res annotate.ImportResult, plan *formats.Plan) {
	first := ""
	if len(batch.Documents) > 0 && res.Documents > 0 {
		first = batch.Documents[0].ID
	}
	t.onImported(first, res.Labels > 0)
	msg := fmt.Sprintf("Imported %s, %s from %s", plural(res.Documents, "document"), plural(res.Spans, "span"), plan.ShortTook())
	if res.Labels > 0 {
		msg += ", " + plural(res.Labels, "label")
	}
	if res.Merged > 0 {
		msg += fmt.Sprintf("; %s already in the project", plural(res.Merged, "document"))
	}
	if res.Skipped > 0 {
		msg += fmt.Sprintf("; %s already present", plural(res.Skipped, "span"))
	}
	if sk := plan.ShortSkipped(); sk != "" {
		msg += "; " + sk
	}
	t.status.saved(msg)
}

// showImport asks for a file to import.
func (t *transfers) showImport() {
	d := t.dialogs.open(func(path string) { t.importPaths([]string{path}) })
	d.SetTitleText("Import one file: " + importKinds() + " (for several: Import folder…, or drop them on the window)")
	d.SetConfirmText("Import")
	d.SetFilter(storage.NewExtensionFileFilter(formats.ReadExtensions()))
	t.dialogs.show(d)
}

// showImportFolder asks for a folder whose .txt and .md files to import.
func (t *transfers) showImportFolder() {
	d := t.dialogs.folder(func(path string) { t.importPaths([]string{path}) })
	d.SetTitleText("Import a folder (.txt, .md, .html, .docx, .csv, .jsonl, other tools' formats)")
	d.SetConfirmText("Import")
	t.dialogs.show(d)
}

// dropped imports files and folders dropped on the window.
func (t *transfers) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		t.importPaths(paths)
	}
}
