package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"gloss/annotate"
)

// isSpanTable reports whether a CSV header is that of Gloss's span table:
// it starts with the columns export writes first.
func isSpanTable(header []string) bool {
	if len(header) < 5 {
		return false
	}
	for i, want := range csvHeader[:5] {
		if !strings.EqualFold(header[i], want) {
			return false
		}
	}
	return true
}

// readSpanTable reads Gloss's span table (see writeCSV) back as spans of
// the documents it names by ID, which must be in the project already (the
// table does not hold their text). The text, note and annotator columns
// are optional; text is not checked here (the project checks the offsets
// against the document). Errors name the file and line.
func readSpanTable(name string, data []byte) (*annotate.Batch, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		return nil, spanTableErr(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	get := func(rec []string, key string) string {
		if i, ok := col[key]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	b := &annotate.Batch{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, spanTableErr(name, err)
		}
		line, _ := r.FieldPos(0)
		where := Where{File: name, Line: line}
		doc := strings.TrimSpace(get(rec, "document_id"))
		if doc == "" {
			return nil, where.Errorf("empty document_id")
		}
		start, err1 := strconv.Atoi(strings.TrimSpace(get(rec, "start")))
		end, err2 := strconv.Atoi(strings.TrimSpace(get(rec, "end")))
		if err1 != nil || err2 != nil {
			return nil, where.Errorf("start and end must be whole numbers (code points), not %q and %q", get(rec, "start"), get(rec, "end"))
		}
		if err := annotate.CheckRange(start, end, end); err != nil {
			return nil, where.Errorf("%v", err)
		}
		label := strings.TrimSpace(get(rec, "label"))
		if err := checkLabelName(where, label); err != nil {
			return nil, err
		}
		bs := &annotate.BatchSpan{LabelName: label}
		bs.DocumentID, bs.Start, bs.End = doc, start, end
		bs.Note, bs.Annotator = get(rec, "note"), strings.TrimSpace(get(rec, "annotator"))
		b.Spans = append(b.Spans, bs)
	}
	if len(b.Spans) == 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: a span table without spans", name)
	}
	return b, nil
}

// spanTableErr names the file and line of a CSV parse error.
func spanTableErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Where{File: name, Line: pe.Line}.Errorf("%v", pe.Err)
	}
	return annotate.Errorf(annotate.EINVALID, "%s: %v", name, err)
}
