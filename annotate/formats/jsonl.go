package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"gloss/annotate"
)

var jsonlFormat = &Format{
	Name:       "jsonl",
	Extensions: []string{".jsonl", ".ndjson"},
	Read:       readJSONL,
	Write:      writeJSONL,
}

// writeJSONL writes one Gloss document (with its spans, their attributes,
// its categories and structure) per line, for corpora too big to load at
// once. Label colours are not carried; names are. Relations name their
// type; the project's relation types, attribute definitions and category
// sets have no line of their own and are counted as left out.
func writeJSONL(w io.Writer, src annotate.Source) (*ExportReport, error) {
	sc, err := sourceSchema(src)
	if err != nil {
		return nil, err
	}
	types := relationTypeByID(sc)
	rep, err := writeLines(w, src, nil, func(b []byte, d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) ([]byte, error) {
		g := ToGlossDocument(d, spans, names)
		if err := addGlossStructure(&g, src, types, rep); err != nil {
			return nil, err
		}
		return appendGlossDocument(b, &g)
	})
	if rep != nil {
		rep.Drop("relation type, attribute and category set definitions (Gloss JSONL has no place for them; Gloss JSON keeps them)",
			len(sc.RelationTypes)+len(sc.AttributeDefs)+len(sc.CategorySets))
	}
	return rep, err
}

// lineWriter appends one document's line (without the line break) to b.
// names maps label IDs to names; rep takes what the format leaves out.
type lineWriter func(b []byte, d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) ([]byte, error)

// writeLines writes one line per document with line, counting documents and
// spans. keeps, when not nil, says which span fields the format holds; the
// others are counted as left out.
func writeLines(w io.Writer, src annotate.Source, keeps *spanKeeps, line lineWriter) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	names := labelNames(labels)
	bw := bufio.NewWriterSize(w, 1<<16)
	rep := &ExportReport{}
	var buf []byte
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		if buf, err = line(buf[:0], d, spans, names, rep); err != nil {
			return err
		}
		rep.Documents++
		rep.Spans += len(spans)
		if keeps != nil {
			reportSpanLosses(rep, spans, *keeps)
		}
		buf = append(buf, '\n')
		_, err = bw.Write(buf)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rep, bw.Flush()
}

// EachLine calls fn for every non-blank line of data with its 1-based number.
// Lines may be of any length; a trailing \r is removed.
func EachLine(data []byte, fn func(line int, b []byte) error) error {
	n := 0
	for len(data) > 0 {
		n++
		i := bytes.IndexByte(data, '\n')
		var b []byte
		if i < 0 {
			b, data = data, nil
		} else {
			b, data = data[:i], data[i+1:]
		}
		b = bytes.TrimSuffix(b, []byte{'\r'})
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := fn(n, b); err != nil {
			return err
		}
	}
	return nil
}

// readJSONL reads one JSON object per line. Each needs a "text" string; a
// line in Gloss JSONL form (with "sha256" and "spans") keeps its ID, status
// and spans; in any other line "title" becomes the title and every other
// field becomes metadata (an "id" too, which also titles an untitled line).
func readJSONL(name string, data []byte) (*annotate.Batch, error) {
	return readLines(name, data, addPlainLine)
}

// lineReader adds one JSON line that is not in Gloss JSONL form to the
// batch; fallback is the title for a line that has none.
type lineReader func(b *annotate.Batch, obj map[string]json.RawMessage, where Where, fallback string) error

// readLines reads JSONL whose every line has a "text" field: lines in Gloss
// JSONL form (with "sha256" and "spans") as Gloss documents, lines with a
// "spans" list of {"start", "end", "label"} objects as spaCy documents
// (whatever the format detected or named, so that no spans are lost to
// metadata), every other line with other.
func readLines(name string, data []byte, other lineReader) (*annotate.Batch, error) {
	if err := checkFileBytes(name, data); err != nil {
		return nil, err
	}
	if err := checkJSON(name, data); err != nil {
		return nil, err
	}
	b := &annotate.Batch{}
	base := baseTitle(name)
	err := EachLine(data, func(line int, raw []byte) error {
		return readLine(b, name, base, line, raw, other)
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// readLine adds one non-blank JSONL line (see readLines) to the batch.
func readLine(b *annotate.Batch, name, base string, line int, raw []byte, other lineReader) error {
	where := Where{File: name, Line: line}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return where.Errorf("not a JSON object: %s", jsonProblem(err))
	}
	if _, ok := obj["text"]; !ok {
		return where.Errorf("no \"text\" field")
	}
	if rawSpans, hasSpans := obj["spans"]; hasSpans {
		if spans, ok := spacySpans(rawSpans); ok && obj["sha256"] == nil {
			return addSpacyLine(b, obj, spans, where, fmt.Sprintf("%s-%d", base, line))
		}
		if _, hasHash := obj["sha256"]; hasHash {
			var g GlossDocument
			dec := json.NewDecoder(bytesReader(raw))
			dec.UseNumber() // metadata numbers kept exactly
			if err := dec.Decode(&g); err != nil {
				return where.Errorf("not a Gloss document: %s", jsonProblem(err))
			}
			return addGlossDocument(b, &g, where)
		}
	}
	return other(b, obj, where, fmt.Sprintf("%s-%d", base, line))
}

func addPlainLine(b *annotate.Batch, obj map[string]json.RawMessage, where Where, fallback string) error {
	var text string
	if err := json.Unmarshal(obj["text"], &text); err != nil {
		return where.Errorf("\"text\" is not a string")
	}
	if err := checkText(where, "", text); err != nil {
		return err
	}
	fields := make([]plainField, 0, len(obj))
	for k, v := range obj {
		if k == "text" {
			continue
		}
		val, err := jsonValue(v)
		if err != nil {
			return where.Errorf("field %q: %v", k, err)
		}
		fields = append(fields, plainField{k, val})
	}
	noteAnnotationFields(b, obj)
	addPlainFields(b, text, fields, where, func() string { return fallback })
	return nil
}

// addPlainFields adds the document of a plain line (its text checked) to
// the batch: "title" (a string that is not empty) becomes the title, every
// other field metadata; a line without "title" is titled by its "id",
// else by fallback.
func addPlainFields(b *annotate.Batch, text string, fields []plainField, where Where, fallback func() string) {
	title, named := "", false
	md := make(map[string]any, len(fields))
	titled := false
	for _, f := range fields {
		if f.key == "title" {
			titled = true
			if s, ok := f.val.(string); ok && s != "" {
				title, named = s, true
				continue
			}
		}
		md[f.key] = f.val
	}
	if id, ok := md["id"]; ok && !titled {
		title, named = fmt.Sprint(id), true
	}
	if !named {
		title = fallback()
	}
	d := annotate.NewDocument(title, text, where.File)
	d.Metadata = md
	b.Documents = append(b.Documents, d)
}
