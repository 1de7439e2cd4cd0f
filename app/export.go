package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// exportFormats lists the formats Gloss can write: Gloss JSON and JSONL
// first, then the other tools' formats as registered.
func exportFormats() []string {
	canWrite := func(name string) bool {
		f, err := formats.Lookup(name)
		return err == nil && (f.Write != nil || f.WriteDir != nil)
	}
	var out []string
	for _, name := range []string{"gloss", "jsonl"} {
		if canWrite(name) {
			out = append(out, name)
		}
	}
	for _, name := range formats.Names() {
		if name != "gloss" && name != "jsonl" && canWrite(name) {
			out = append(out, name)
		}
	}
	return out
}

// formatLabels name the known formats in the Export menu.
var formatLabels = map[string]string{
	"gloss":       "Gloss JSON",
	"jsonl":       "Gloss JSONL (one document per line)",
	"brat":        "brat standoff (folder)",
	"conll":       "CoNLL / IOB",
	"csv":         "CSV (one span per row)",
	"doccano":     "doccano JSONL",
	"labelstudio": "Label Studio JSON",
	"spacy":       "spaCy JSONL",
}

// exportLabel names a format in the menu.
func exportLabel(name string) string {
	if l, ok := formatLabels[name]; ok {
		return l
	}
	if f, err := formats.Lookup(name); err == nil && f.WriteDir != nil {
		return name + " (folder)"
	}
	return name
}

// exportExt is the extension a format's export file gets.
func exportExt(f *formats.Format) string {
	if len(f.Extensions) == 0 {
		return ""
	}
	return f.Extensions[0]
}

// showExport asks where to export the project in format name and writes it.
func (g *Gloss) showExport(name string) {
	f, err := formats.Lookup(name)
	if err != nil {
		g.showError(err)
		return
	}
	if f.WriteDir != nil {
		d := g.folderDialog(func(path string) { g.export(f, path) })
		d.SetTitleText("Export as " + exportLabel(name) + ": choose a folder")
		d.SetConfirmText("Export")
		g.showFileDialog(d)
		return
	}
	d := g.saveFileDialog(func(path string) {
		if ext := exportExt(f); ext != "" && !strings.HasSuffix(strings.ToLower(path), ext) {
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				os.Remove(path)
			}
			path += ext
		}
		g.export(f, path)
	})
	d.SetTitleText("Export as " + exportLabel(name))
	d.SetConfirmText("Export")
	d.SetFileName(g.projectName() + exportExt(f))
	if ext := exportExt(f); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	g.showFileDialog(d)
}

// export writes the project to path in the background, with a progress bar
// that counts the documents written.
func (g *Gloss) export(f *formats.Format, path string) {
	total := len(g.docs)
	bar := widget.NewProgressBar()
	bar.Max = float64(max(total, 1))
	msg := widget.NewLabel("Writing " + filepath.Base(path) + "…")
	dlg := dialog.NewCustomWithoutButtons("Exporting as "+exportLabel(f.Name), container.NewVBox(msg, bar), g.win)
	dlg.Show()
	src := progressSource{Source: g.p, every: max(total/100, 1), done: func(n int) {
		fyne.Do(func() { bar.SetValue(float64(n)) })
	}}
	// cancel stops the export between documents, leaving no file; the
	// progress dialog's Cancel button is to call it.
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer cancel()
		rep, err := formats.ExportFile(ctx, f, src, path)
		fyne.Do(func() {
			dlg.Hide()
			if errors.Is(err, context.Canceled) {
				g.status.message("Export cancelled: nothing was written")
				return
			}
			if err != nil {
				g.showError(err)
				return
			}
			dialog.ShowInformation("Export finished", path+"\n\n"+rep.Summary(), g.win)
			g.status.message("Exported to " + filepath.Base(path))
		})
	}()
}

// progressSource passes a project to an exporter and reports every
// every-th document read, so that a progress bar can follow the export.
type progressSource struct {
	annotate.Source
	every int
	done  func(n int)
}

// EachDocument reads the documents of the project, counting them.
func (s progressSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	n := 0
	return s.Source.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		n++
		if n%s.every == 0 {
			s.done(n)
		}
		return fn(d, spans)
	})
}
