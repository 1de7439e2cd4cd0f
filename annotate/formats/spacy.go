package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// spaCy JSONL holds one document per line with its spans in code points,
// the shape spaCy's converters and Prodigy read:
//
//	{"text": "Alice met Bob.", "spans": [{"start": 0, "end": 5, "label": "actor"}]}
//
// Notes, annotators, the links between fragments of a discontinuous span,
// relations, events, span attributes, typed notes, equivalence sets,
// normalisations and document categories are not held and are counted as
// left out. Any JSONL reader of Gloss
// reads a line of this shape as spaCy (see readLines), so an export
// imported back with --format auto keeps its spans.
var spacyFormat = &Format{
	Name:       "spacy",
	Extensions: []string{".jsonl"},
	Sniff:      sniffSpacy,
	Read:       readSpacy,
	Write:      writeSpacy,
}

var spacyMark = regexp.MustCompile(`"spans"\s*:\s*\[\s*(\]|\{\s*"start")`)

// sniffSpacy accepts JSONL whose first line has a "spans" list of spaCy
// spans and no "sha256" (which Gloss JSONL lines have). Lines too long
// for the head are read as spaCy by the jsonl and doccano readers too.
func sniffSpacy(head []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte{'\n'})
	return len(line) > 0 && line[0] == '{' && spacyMark.Match(line) && !bytes.Contains(line, []byte(`"sha256"`)) && !doccanoMark.Match(line)
}

// spacyDoc is one line of spaCy JSONL.
type spacyDoc struct {
	Text  string      `json:"text"`
	Spans []spacySpan `json:"spans"`
}

// spacySpan is a span in spaCy JSONL.
type spacySpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

func writeSpacy(w io.Writer, src annotate.Source) (*ExportReport, error) {
	return writeLines(w, src, &spanKeeps{}, func(b []byte, d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) ([]byte, error) {
		if err := reportStructureLosses(rep, src, d, spans, structKeeps{}); err != nil {
			return nil, err
		}
		doc := spacyDoc{Text: d.Text, Spans: make([]spacySpan, 0, len(spans))}
		for _, s := range spans {
			doc.Spans = append(doc.Spans, spacySpan{Start: s.Start, End: s.End, Label: names[s.LabelID]})
		}
		line, err := json.Marshal(doc)
		if err != nil {
			return nil, fmt.Errorf("document %q: %w", d.Title, err)
		}
		return append(b, line...), nil
	})
}

// readSpacy reads spaCy JSONL: each line's "spans" become spans; other
// fields are read as the jsonl format reads them ("title" titles the
// document, the rest is metadata).
func readSpacy(name string, data []byte) (*annotate.Batch, error) {
	return readLines(name, data, addPlainLine)
}

// spacyRaw is a span of spaCy JSONL as read, to tell its shape.
type spacyRaw struct {
	Start *int    `json:"start"`
	End   *int    `json:"end"`
	Label *string `json:"label"`
}

// spacySpans decodes a "spans" value when it has spaCy's shape: a list of
// objects each with a whole "start" and "end" and a string "label".
func spacySpans(raw json.RawMessage) ([]spacySpan, bool) {
	var list []spacyRaw
	if json.Unmarshal(raw, &list) != nil {
		return nil, false
	}
	out := make([]spacySpan, len(list))
	for i, s := range list {
		if s.Start == nil || s.End == nil || s.Label == nil {
			return nil, false
		}
		out[i] = spacySpan{Start: *s.Start, End: *s.End, Label: *s.Label}
	}
	return out, true
}

// addSpacyLine adds a line of spaCy JSONL with its spans (code points).
func addSpacyLine(b *annotate.Batch, obj map[string]json.RawMessage, spans []spacySpan, where Where, fallback string) error {
	rest := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		if k != "spans" {
			rest[k] = v
		}
	}
	n := len(b.Documents)
	if err := addPlainLine(b, rest, where, fallback); err != nil {
		return err
	}
	d := b.Documents[n]
	off := unitext.NewOffsets(d.Text)
	for i, s := range spans {
		sw := where
		sw.Span = i + 1
		if err := annotate.CheckRange(s.Start, s.End, off.Len()); err != nil {
			return sw.Errorf("%v", err)
		}
		if err := checkLabelName(sw, s.Label); err != nil {
			return err
		}
		sp := annotate.NewSpan(d.ID, s.Start, s.End, "")
		b.Spans = append(b.Spans, &annotate.BatchSpan{Span: *sp, LabelName: s.Label})
	}
	return nil
}

// annotationFields are the fields other tools keep annotations in.
var annotationFields = []string{"spans", "entities", "ents", "label", "labels", "annotations", "predictions", "relations", "tags", "ner"}

// noteAnnotationFields counts on b each field of a line read as plain
// JSONL that holds a non-empty list under a name other tools keep
// annotations in: it became metadata, not spans, and the user is told.
func noteAnnotationFields(b *annotate.Batch, obj map[string]json.RawMessage) {
	for _, k := range annotationFields {
		var list []json.RawMessage
		if raw, ok := obj[k]; ok && json.Unmarshal(raw, &list) == nil && len(list) > 0 {
			b.Skip(fmt.Sprintf("%q fields that look like annotations in a form Gloss does not read (kept as document metadata; name the format with --format if you know it)", k), 1)
		}
	}
}
