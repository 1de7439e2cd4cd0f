package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
// bar and a Cancel button, then adds everything to the project in one
// transaction; a cancelled import adds nothing.
func (t *transfers) importPaths(paths []string) {
	if t.s.p.ReadOnly() {
		showError(t.win, annotate.Errorf(annotate.EINVALID, "this project is read-only: nothing can be imported into it"))
		return
	}
	units, err := importUnits(paths)
	if err != nil {
		showError(t.win, err)
		return
	}
	if len(units) == 0 {
		showError(t.win, annotate.Errorf(annotate.EINVALID, "no .txt or .md files found to import"))
		return
	}
	bar := widget.NewProgressBar()
	what := widget.NewLabel("Reading…")
	what.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(what, bar)
	job := t.start("Importing "+plural(len(units), "file"), container.NewGridWrap(fyne.NewSize(420, body.MinSize().Height), body), what)
	p := t.s.p
	go func() {
		batch, err := readUnits(job.ctx, units, func(i int, name string) {
			fyne.Do(func() {
				what.SetText(fmt.Sprintf("Reading %s (%d of %d)", name, i+1, len(units)))
				bar.SetValue(float64(i) / float64(len(units)+1))
			})
		})
		if err != nil {
			fyne.Do(func() {
				t.finish(job, "Import", err)
				t.importDone()
			})
			return
		}
		fyne.Do(func() {
			what.SetText(fmt.Sprintf("Saving %s…", plural(len(batch.Documents), "document")))
			bar.SetValue(float64(len(units)) / float64(len(units)+1))
		})
		res, err := p.Import(batch)
		fyne.Do(func() {
			bar.SetValue(1)
			t.finish(job, "Import", err)
			if err == nil && p == t.s.p { // else another project was opened meanwhile
				t.imported(batch, res)
			}
			t.importDone()
		})
	}()
}

// readUnits reads the units to import one by one, calling progress before
// each; it stops with ctx's error as soon as ctx is cancelled.
func readUnits(ctx context.Context, units []string, progress func(i int, name string)) (*annotate.Batch, error) {
	batch := &annotate.Batch{}
	for i, u := range units {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress(i, filepath.Base(u))
		b, err := annotate.LoadPaths([]string{u}, "auto")
		if err != nil {
			return nil, err
		}
		batch.Append(b)
	}
	return batch, ctx.Err()
}

// importDone tells a test waiting for an import that it is over.
func (t *transfers) importDone() {
	if t.afterImport != nil {
		t.afterImport()
	}
}

// imported shows what an import added.
func (t *transfers) imported(batch *annotate.Batch, res annotate.ImportResult) {
	first := ""
	if len(batch.Documents) > 0 && res.Documents > 0 {
		first = batch.Documents[0].ID
	}
	t.onImported(first, res.Labels > 0)
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
	t.status.saved(msg)
}

// showImport asks for a file to import.
func (t *transfers) showImport() {
	d := t.dialogs.open(func(path string) { t.importPaths([]string{path}) })
	d.SetTitleText("Import a document (or drop files on the window)")
	d.SetConfirmText("Import")
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions()))
	t.dialogs.show(d)
}

// showImportFolder asks for a folder whose .txt and .md files to import.
func (t *transfers) showImportFolder() {
	d := t.dialogs.folder(func(path string) { t.importPaths([]string{path}) })
	d.SetTitleText("Import a folder of .txt and .md files")
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
