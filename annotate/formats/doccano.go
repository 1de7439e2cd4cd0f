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

// doccano JSONL holds one document per line, spans in code points:
//
//	{"text": "...", "label": [[start, end, "LABEL"], ...]}
//
// or, from a relation project,
//
//	{"text": "...", "entities": [{"id", "label", "start_offset", "end_offset"}],
//	 "relations": [{"id", "from_id", "to_id", "type"}]}
//
// Relations become relations between the entities' spans. Document labels
// of doccano's text classification ("label" or "labels" as a list of
// names, spaCy's "cats" dict of scores, or "cats" as a list beside
// "entities" in intent detection) become the document's categories of the
// set "label". Other fields become document metadata ("title", or else
// "id", names the document).
var doccanoFormat = &Format{
	Name:       "doccano",
	Extensions: []string{".jsonl"},
	Sniff:      sniffDoccano,
	Read:       readDoccano,
	Write:      writeDoccano,
}

var doccanoMark = regexp.MustCompile(`"label"\s*:\s*\[\s*[\[\]]|"entities"\s*:\s*\[`)

// sniffDoccano accepts JSONL whose lines carry a "label" list of triples or
// an "entities" list. A first line longer than the head cannot be checked;
// it is accepted when it opens a JSON object, since readDoccano reads every
// line plain JSONL and Gloss JSONL hold the same way the jsonl format does.
func sniffDoccano(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	rest := head
	for len(rest) > 0 {
		line := rest
		i := bytes.IndexByte(rest, '\n')
		if i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if doccanoMark.Match(line) {
			return true
		}
		if i < 0 && bytes.Equal(line, head) {
			return !json.Valid(line) // one long, cut-off line
		}
	}
	return false
}

// readDoccano reads doccano JSONL. Lines in Gloss JSONL form are read as the
// jsonl format reads them.
func readDoccano(name string, data []byte) (*annotate.Batch, error) {
	return readLines(name, data, addDoccanoLine)
}

func addDoccanoLine(b *annotate.Batch, obj map[string]json.RawMessage, where Where, fallback string) error {
	var text string
	if err := json.Unmarshal(obj["text"], &text); err != nil {
		return where.Errorf("\"text\" is not a string")
	}
	if err := checkText(where, "", text); err != nil {
		return err
	}
	skip := []string{"text", "title", "entities", "relations"}
	triples, isSpans, err := doccanoTriples(obj["label"], where)
	if err != nil {
		return err
	}
	if isSpans {
		skip = append(skip, "label")
	}
	entities, err := doccanoEntities(obj["entities"], where)
	if err != nil {
		return err
	}
	chosen, all, catFields, err := doccanoCategories(b, obj, isSpans, where)
	if err != nil {
		return err
	}
	md, err := jsonMetadata(obj, where, append(skip, catFields...)...)
	if err != nil {
		return err
	}
	d := annotate.NewDocument(metadataTitle(obj, fallback), text, where.File)
	d.Metadata = md
	if len(catFields) > 0 {
		d.Categories = map[string][]string{doccanoCategorySet: chosen}
		addDoccanoCategorySet(b, chosen, all)
	}
	n := unitext.RuneLen(text)
	var spans []*annotate.BatchSpan
	entityIDs := map[string]string{}
	add := func(i int, start, end int, label string) error {
		sw := where
		sw.Span = i
		if err := annotate.CheckRange(start, end, n); err != nil {
			return sw.Errorf("%v", err)
		}
		if err := checkLabelName(sw, label); err != nil {
			return err
		}
		spans = append(spans, &annotate.BatchSpan{Span: *annotate.NewSpan(d.ID, start, end, ""), LabelName: label})
		return nil
	}
	for i, t := range triples {
		if err := add(i+1, t.start, t.end, t.label); err != nil {
			return err
		}
	}
	for i, e := range entities {
		sw := where
		sw.Span = len(triples) + i + 1
		if e.StartOffset == nil || e.EndOffset == nil {
			return sw.Errorf("entity has no start_offset or end_offset")
		}
		if err := add(len(triples)+i+1, *e.StartOffset, *e.EndOffset, e.Label); err != nil {
			return err
		}
		if e.ID != nil {
			id := compactJSON(e.ID)
			if _, dup := entityIDs[id]; dup {
				return sw.Errorf("entity id %s is used twice", id)
			}
			entityIDs[id] = spans[len(spans)-1].ID
		}
	}
	if err := doccanoRelations(b, obj["relations"], d.ID, entityIDs, where); err != nil {
		return err
	}
	b.Documents = append(b.Documents, d)
	b.Spans = append(b.Spans, spans...)
	return nil
}

type doccanoTriple struct {
	start, end int
	label      string
}

// doccanoTriples decodes a "label" field. A list of [start, end, "LABEL"]
// gives spans; anything else that is not a list of lists (a category or a
// list of categories, as from doccano's text classification) is left to be
// kept as metadata, reported by isSpans false.
func doccanoTriples(raw json.RawMessage, where Where) (out []doccanoTriple, isSpans bool, err error) {
	if raw == nil {
		return nil, false, nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil, false, nil
	}
	if len(items) == 0 {
		return nil, true, nil
	}
	if t := bytes.TrimLeft(items[0], " \t\r\n"); len(t) == 0 || t[0] != '[' {
		return nil, false, nil
	}
	for i, it := range items {
		sw := where
		sw.Span = i + 1
		var parts []json.RawMessage
		var t doccanoTriple
		if json.Unmarshal(it, &parts) != nil || len(parts) != 3 ||
			json.Unmarshal(parts[0], &t.start) != nil || json.Unmarshal(parts[1], &t.end) != nil ||
			json.Unmarshal(parts[2], &t.label) != nil {
			return nil, false, sw.Errorf("label %s is not [start, end, \"LABEL\"] with whole-number offsets", it)
		}
		out = append(out, t)
	}
	return out, true, nil
}

// writeDoccano writes one document per line with the document's title and
// metadata as extra fields: spans as "label" triples, or, for a document
// with relations or document labels, in the shapes doccano imports those
// in (see doccanoWriteStructure). doccano holds no notes, annotators,
// discontinuous links, events, attributes or typed notes; those are
// counted as left out.
func writeDoccano(w io.Writer, src annotate.Source) (*ExportReport, error) {
	return writeLines(w, src, &spanKeeps{}, func(b []byte, d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) ([]byte, error) {
		// An "id" in the metadata is the one the document came with (e.g.
		// doccano's own) and is written back; else the Gloss ID is written.
		obj := copyMetadata(d.Metadata, rep, "text", "label", "labels", "cats", "title", "entities", "relations")
		if _, ok := obj["id"]; !ok {
			obj["id"] = d.ID
		}
		obj["title"] = d.Title
		obj["text"] = d.Text
		wrote, err := doccanoWriteStructure(obj, src, d, spans, names, rep)
		if err != nil {
			return nil, err
		}
		if !wrote {
			triples := make([][3]any, 0, len(spans))
			for _, s := range spans {
				triples = append(triples, [3]any{s.Start, s.End, names[s.LabelID]})
			}
			obj["label"] = triples
		}
		line, err := json.Marshal(obj)
		if err != nil {
			return nil, fmt.Errorf("document %q: %w", d.Title, err)
		}
		return append(b, line...), nil
	})
}
