// Package formats reads and writes Gloss's interchange formats (Gloss JSON
// and JSONL, brat, CoNLL, CSV, doccano, Label Studio, spaCy, plain text) and
// reads articles (HTML, DOCX, CSV/TSV with a text column: package article):
// one file per format, an explicit table of them, the one folder walk that
// decides which files an import reads (Plan), the loader and the atomic
// export. It works on the domain types of package annotate; it knows
// nothing of the project file (store) or the window (app).
package formats

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"gloss/annotate"
)

// ExportReport says what an export wrote and what the format could not hold.
type ExportReport struct {
	Documents int
	Spans     int
	Dropped   map[string]int // what was left out, by reason, e.g. "overlapping spans": 3
}

// Drop counts n items left out for reason.
func (r *ExportReport) Drop(reason string, n int) {
	if n == 0 {
		return
	}
	if r.Dropped == nil {
		r.Dropped = map[string]int{}
	}
	r.Dropped[reason] += n
}

// Summary is a one-line account of the export for the user.
func (r *ExportReport) Summary() string {
	s := "exported " + annotate.Plural(r.Documents, "document") + ", " + annotate.Plural(r.Spans, "span")
	reasons := make([]string, 0, len(r.Dropped))
	for k := range r.Dropped {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		s += fmt.Sprintf("; left out %d %s", r.Dropped[k], k)
	}
	return s
}

// Format is one interchange format: how to recognise, read and write it.
// A format that cannot be read or written leaves that function nil.
type Format struct {
	Name       string
	Extensions []string               // e.g. ".jsonl", lower case
	Sniff      func(head []byte) bool // content check for auto-detection; may be nil
	// Read parses one file; name is used in error messages.
	Read func(name string, data []byte) (*annotate.Batch, error)
	// ReadWith, when set, is Read taking the import's options (CSV's
	// columns); imports call it instead of Read.
	ReadWith func(name string, data []byte, opts ReadOptions) (*annotate.Batch, error)
	// ReadFolder reads a folder as a whole (brat): files are the files of
	// the format found in it by the folder walk (see Plan), in order. It
	// stops with ctx.Err() when ctx is cancelled. Nil for single-file formats.
	ReadFolder func(ctx context.Context, root string, files []string) (*annotate.Batch, error)
	// Write writes the whole source as one file.
	Write func(w io.Writer, src annotate.Source) (*ExportReport, error)
	// WriteDir writes the source as several files in dir.
	WriteDir func(dir string, src annotate.Source) (*ExportReport, error)
}

// table is every format Gloss knows, in the order Names lists them (and
// the command line's help and the Export menu show them). It is the one
// place a format is added; the order plays no part in detection (see
// Detect), where it could only decide by accident.
var table = []*Format{
	bratFormat,
	conllFormat,
	csvFormat,
	docxFormat,
	doccanoFormat,
	glossFormat,
	htmlFormat,
	jsonlFormat,
	labelstudioFormat,
	spacyFormat,
	textFormat,
}

// fallback names, for each extension that several readable formats share,
// the format that reads a file none of their sniffers accepts, whose reader
// then says what is wrong with it: a .json that is neither Gloss JSON nor
// a Label Studio export is read as Gloss JSON, a .jsonl that is not doccano
// as Gloss JSONL. A test checks that every shared extension has one.
var fallback = map[string]string{
	".json":  "gloss",
	".jsonl": "jsonl",
}

// Lookup returns the format with this name.
func Lookup(name string) (*Format, error) {
	for _, f := range table {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, annotate.Errorf(annotate.EINVALID, "unknown format %q (known: %v)", name, Names())
}

// Names lists the formats in table order.
func Names() []string {
	names := make([]string, len(table))
	for i, f := range table {
		names[i] = f.Name
	}
	return names
}

// ReadExtensions lists, in table order and once each, the extensions of
// the files Gloss can import on their own (for a file chooser's filter).
func ReadExtensions() []string {
	var exts []string
	seen := map[string]bool{}
	for _, f := range table {
		if f.Read == nil {
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

// sniffSize is how much of a file Detect looks at.
const sniffSize = 4096

// Detect picks the format for the file at path whose first bytes are head:
// the named one, or with "auto" (or "") the readable formats whose
// extension the name ends with. One such format is the answer; of several,
// the one whose Sniff accepts head (the formats sharing an extension have
// sniffers that exclude each other), else the extension's fallback.
func Detect(path string, head []byte, format string) (*Format, error) {
	if format != "" && format != "auto" {
		return Lookup(format)
	}
	if len(head) > sniffSize {
		head = head[:sniffSize]
	}
	byExt := candidates(path)
	switch len(byExt) {
	case 0:
		return nil, annotate.Errorf(annotate.EINVALID, "%s: cannot tell the format from the name; name one with --format (%s)", path, strings.Join(Names(), ", "))
	case 1:
		return byExt[0], nil
	}
	for _, f := range byExt {
		if f.Sniff != nil && f.Sniff(head) {
			return f, nil
		}
	}
	ext := strings.ToLower(path[strings.LastIndexByte(path, '.')+1:])
	if name, ok := fallback["."+ext]; ok {
		for _, f := range byExt {
			if f.Name == name {
				return f, nil
			}
		}
	}
	names := make([]string, len(byExt))
	for i, f := range byExt {
		names[i] = f.Name
	}
	return nil, annotate.Errorf(annotate.EINVALID, "%s: could be %s; name the format with --format", path, strings.Join(names, " or "))
}

// candidates lists the readable formats whose extensions path ends with.
func candidates(path string) []*Format {
	var out []*Format
	for _, f := range table {
		if f.Read != nil && matchExt(path, f.Extensions) {
			out = append(out, f)
		}
	}
	return out
}

// matchExt reports whether path ends with one of exts, ignoring case.
func matchExt(path string, exts []string) bool {
	lp := strings.ToLower(path)
	for _, e := range exts {
		if strings.HasSuffix(lp, e) {
			return true
		}
	}
	return false
}
