package annotate

import (
	"fmt"
	"io"
	"sort"
)

// Source is what an exporter reads: the labels and every document with its
// spans, one document at a time so that large projects stream.
type Source interface {
	Labels() ([]*Label, error)
	EachDocument(fn func(doc *Document, spans []*Span) error) error
}

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
	s := fmt.Sprintf("exported %d documents, %d spans", r.Documents, r.Spans)
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
	Read func(name string, data []byte) (*Batch, error)
	// ReadDir parses a folder (brat); nil for single-file formats.
	ReadDir func(dir string) (*Batch, error)
	// Write writes the whole source as one file.
	Write func(w io.Writer, src Source) (*ExportReport, error)
	// WriteDir writes the source as several files in dir.
	WriteDir func(dir string, src Source) (*ExportReport, error)
}

var formats = map[string]*Format{}
var formatOrder []string

// RegisterFormat makes a format available by name. Formats register in init.
func RegisterFormat(f *Format) {
	if _, dup := formats[f.Name]; dup {
		panic("annotate: format registered twice: " + f.Name)
	}
	formats[f.Name] = f
	formatOrder = append(formatOrder, f.Name)
}

// LookupFormat returns the format with this name.
func LookupFormat(name string) (*Format, error) {
	f, ok := formats[name]
	if !ok {
		return nil, Errorf(EINVALID, "unknown format %q (known: %v)", name, formatOrder)
	}
	return f, nil
}

// FormatNames lists the registered formats in registration order.
func FormatNames() []string { return append([]string(nil), formatOrder...) }
