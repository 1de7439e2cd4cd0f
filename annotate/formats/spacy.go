package formats

import (
	"encoding/json"
	"fmt"
	"io"

	"gloss/annotate"
)

// spaCy JSONL holds one document per line with its spans in code points,
// the shape spaCy's converters and Prodigy read:
//
//	{"text": "Alice met Bob.", "spans": [{"start": 0, "end": 5, "label": "actor"}]}
//
// Gloss only exports it. Titles, metadata, notes, annotators and the links
// between fragments of a discontinuous span are not held; the last three are
// counted as left out.
var spacyFormat = &Format{
	Name:       "spacy",
	Extensions: []string{".jsonl"},
	Write:      writeSpacy,
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
	return writeLines(w, src, &spanKeeps{}, func(b []byte, d *annotate.Document, spans []*annotate.Span, names map[string]string, _ *ExportReport) ([]byte, error) {
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
