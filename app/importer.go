package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
// bar, then adds everything to the project in one transaction.
func (g *Gloss) importPaths(paths []string) {
	if g.p.ReadOnly() {
		g.showError(annotate.Errorf(annotate.EINVALID, "this project is read-only: nothing can be imported into it"))
		return
	}
	plan, err := importPlan(paths)
	if err != nil {
		g.showError(err)
		return
	}
	units := len(plan.Reads)
	if units == 0 {
		g.showError(annotate.Errorf(annotate.EINVALID, "no .txt or .md files found to import"))
		return
	}
	bar := widget.NewProgressBar()
	what := widget.NewLabel("Reading…")
	what.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(what, bar)
	dlg := dialog.NewCustomWithoutButtons("Importing "+plural(units, "file"), container.NewGridWrap(fyne.NewSize(420, body.MinSize().Height), body), g.win)
	dlg.Show()
	p := g.p
	// cancel stops the import between files; the progress dialog's Cancel
	// button is to call it.
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer cancel()
		batch, err := formats.Load(ctx, plan, func(i, n int, path string) {
			name := filepath.Base(path)
			fyne.Do(func() {
				what.SetText(fmt.Sprintf("Reading %s (%d of %d)", name, i+1, n))
				bar.SetValue(float64(i) / float64(n+1))
			})
		})
		if err != nil {
			fyne.Do(func() {
				dlg.Hide()
				if errors.Is(err, context.Canceled) {
					g.status.message("Import cancelled: nothing was added")
				} else {
					g.showError(err)
				}
				if g.afterImport != nil {
					g.afterImport()
				}
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
			dlg.Hide()
			if err == nil && p == g.p { // else another project was opened meanwhile
				g.imported(batch, res)
			} else if err != nil {
				g.showError(err)
			}
			if g.afterImport != nil {
				g.afterImport()
			}
		})
	}()
}

// imported shows what an import added.
func (g *Gloss) imported(batch *annotate.Batch, res annotate.ImportResult) {
	g.docsP.forgetTexts()
	if res.Labels > 0 {
		g.reloadLabels()
	}
	g.reloadDocs()
	if len(batch.Documents) > 0 && res.Documents > 0 {
		g.showDocument(batch.Documents[0].ID)
	} else if g.doc != nil {
		g.showDocument(g.doc.ID)
	}
	msg := fmt.Sprintf("Imported %s, %s", plural(res.Documents, "document"), plural(res.Spans, "span"))
	if res.Labels > 0 {
		msg += ", " + plural(res.Labels, "label")
	}
	if res.Merged > 0 {
		msg += fmt.Sprintf("; %s already in the project", plural(res.Merged, "document"))
	}
	if res.Skipped > 0 {
		msg += fmt.Sprintf("; %s already present", plural(res.Skipped, "span"))
	}
	g.status.saved(msg)
}

// showImport asks for a file to import.
func (g *Gloss) showImport() {
	d := g.openFileDialog(func(path string) { g.importPaths([]string{path}) })
	d.SetTitleText("Import a document (or drop files on the window)")
	d.SetConfirmText("Import")
	d.SetFilter(storage.NewExtensionFileFilter(formats.ReadExtensions()))
	g.showFileDialog(d)
}

// showImportFolder asks for a folder whose .txt and .md files to import.
func (g *Gloss) showImportFolder() {
	d := g.folderDialog(func(path string) { g.importPaths([]string{path}) })
	d.SetTitleText("Import a folder of .txt and .md files")
	d.SetConfirmText("Import")
	g.showFileDialog(d)
}

// dropped imports files and folders dropped on the window.
func (g *Gloss) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		g.importPaths(paths)
	}
}
