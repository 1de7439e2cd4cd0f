package app

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// importExtensions lists the file extensions Gloss can import.
func importExtensions() []string {
	var exts []string
	seen := map[string]bool{}
	for _, name := range annotate.FormatNames() {
		f, err := annotate.LookupFormat(name)
		if err != nil || f.Read == nil {
			continue
		}
		for _, e := range f.Extensions {
			if !seen[e] && strings.Count(e, ".") == 1 {
				seen[e] = true
				exts = append(exts, e)
			}
		}
	}
	return exts
}

// importUnits expands the paths to import into what is read one at a time,
// so that progress can be shown: each file, each text file inside a folder
// (as annotate.LoadPaths would pick them), and a brat folder as a whole.
func importUnits(paths []string) ([]string, error) {
	text, err := annotate.LookupFormat("text")
	if err != nil {
		return nil, err
	}
	var units []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, err)
		}
		if !info.IsDir() {
			units = append(units, p)
			continue
		}
		if hasBrat(p) {
			units = append(units, p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && q != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && hasExt(q, text.Extensions) {
				files = append(files, q)
			}
			return nil
		})
		if err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, err)
		}
		sort.Strings(files)
		units = append(units, files...)
	}
	return units, nil
}

func hasExt(p string, exts []string) bool {
	lp := strings.ToLower(p)
	for _, e := range exts {
		if strings.HasSuffix(lp, e) {
			return true
		}
	}
	return false
}

// hasBrat reports whether a folder holds brat .ann files and Gloss reads brat.
func hasBrat(dir string) bool {
	if f, err := annotate.LookupFormat("brat"); err != nil || f.ReadDir == nil {
		return false
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasSuffix(strings.ToLower(e.Name()), ".ann") {
			return true
		}
	}
	return false
}

// importPaths reads files and folders in the background with a progress
// bar, then adds everything to the project in one transaction.
func (g *Gloss) importPaths(paths []string) {
	if g.p.ReadOnly() {
		g.showError(annotate.Errorf(annotate.EINVALID, "this project is read-only: nothing can be imported into it"))
		return
	}
	units, err := importUnits(paths)
	if err != nil {
		g.showError(err)
		return
	}
	if len(units) == 0 {
		g.showError(annotate.Errorf(annotate.EINVALID, "no .txt or .md files found to import"))
		return
	}
	bar := widget.NewProgressBar()
	what := widget.NewLabel("Reading…")
	what.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(what, bar)
	dlg := dialog.NewCustomWithoutButtons("Importing "+plural(len(units), "file"), container.NewGridWrap(fyne.NewSize(420, body.MinSize().Height), body), g.win)
	dlg.Show()
	p := g.p
	go func() {
		batch := &annotate.Batch{}
		for i, u := range units {
			name := filepath.Base(u)
			fyne.Do(func() {
				what.SetText(fmt.Sprintf("Reading %s (%d of %d)", name, i+1, len(units)))
				bar.SetValue(float64(i) / float64(len(units)+1))
			})
			b, err := annotate.LoadPaths([]string{u}, "auto")
			if err != nil {
				fyne.Do(func() {
					dlg.Hide()
					g.showError(err)
					if g.afterImport != nil {
						g.afterImport()
					}
				})
				return
			}
			batch.Append(b)
		}
		fyne.Do(func() {
			what.SetText(fmt.Sprintf("Saving %s…", plural(len(batch.Documents), "document")))
			bar.SetValue(float64(len(units)) / float64(len(units)+1))
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
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions()))
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
