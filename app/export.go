package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
func (t *transfers) showExport(name string) {
	f, err := formats.Lookup(name)
	if err != nil {
		showError(t.win, err)
		return
	}
	if f.WriteDir != nil {
		d := t.dialogs.folder(func(path string) { t.export(f, path) })
		d.SetTitleText("Export as " + exportLabel(name) + ": choose a folder")
		d.SetConfirmText("Export")
		t.dialogs.show(d)
		return
	}
	d := t.dialogs.save(func(path string) {
		if ext := exportExt(f); ext != "" && !strings.HasSuffix(strings.ToLower(path), ext) {
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				os.Remove(path)
			}
			path += ext
		}
		t.export(f, path)
	})
	d.SetTitleText("Export as " + exportLabel(name))
	d.SetConfirmText("Export")
	d.SetFileName(t.s.projectName() + exportExt(f))
	if ext := exportExt(f); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	t.dialogs.show(d)
}

// export writes the project to path in the background, with a progress bar
// that counts the documents written and a Cancel button.
func (t *transfers) export(f *formats.Format, path string) {
	total := t.s.docTotal()
	bar := widget.NewProgressBar()
	bar.Max = float64(max(total, 1))
	msg := widget.NewLabel("Writing " + filepath.Base(path) + "…")
	job := t.start("Exporting as "+exportLabel(f.Name), container.NewVBox(msg, bar), msg)
	src := progressSource{Source: t.s.p, ctx: job.ctx, every: max(total/100, 1), done: func(n int) {
		fyne.Do(func() { bar.SetValue(float64(n)) })
	}}
	go func() {
		rep, err := formats.ExportFile(job.ctx, f, src, path)
		fyne.Do(func() {
			if !t.finish(job, "Export", err) {
				return
			}
			showInformation(t.win, "Export finished", path+"\n\n"+rep.Summary())
			t.status.message("Exported to " + filepath.Base(path))
		})
	}()
}

// progressSource passes a project to an exporter and reports every
// every-th document read, so that a progress bar can follow the export.
// Once ctx is cancelled it stops with ctx's error.
type progressSource struct {
	annotate.Source
	ctx   context.Context
	every int
	done  func(n int)
}

// EachDocument reads the documents of the project, counting them.
func (s progressSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	n := 0
	return s.Source.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		n++
		if n%s.every == 0 {
			s.done(n)
		}
		return fn(d, spans)
	})
}
