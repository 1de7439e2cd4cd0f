package formats

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// writeLabelStudio writes one task per document, with one annotation per
// annotator. Notes go in each region's meta text. Label Studio has no
// discontinuous spans: their fragments are written as separate regions.
func writeLabelStudio(w io.Writer, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	names := labelNames(labels)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("[")
	rep := &ExportReport{}
	annID := 0
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		data := copyMetadata(d.Metadata, rep, "text", "title")
		data["title"], data["text"] = d.Title, d.Text
		task := struct {
			ID          int             `json:"id"`
			Data        map[string]any  `json:"data"`
			Annotations []*lsAnnotation `json:"annotations"`
		}{ID: rep.Documents + 1, Data: data, Annotations: []*lsAnnotation{}}
		off := unitext.NewOffsets(d.Text)
		byUser := map[string]*lsAnnotation{}
		for _, s := range spans {
			a := byUser[s.Annotator]
			if a == nil {
				annID++
				a = &lsAnnotation{ID: json.RawMessage(strconv.Itoa(annID)), CompletedBy: labelStudioUserJSON(s.Annotator), Result: []lsResult{}}
				byUser[s.Annotator] = a
				task.Annotations = append(task.Annotations, a)
			}
			text := off.Slice(s.Start, s.End)
			value, err := json.Marshal(lsValue{Start: &s.Start, End: &s.End, Text: &text, Labels: []string{names[s.LabelID]}})
			if err != nil {
				return err
			}
			res := lsResult{ID: s.ID, FromName: "label", ToName: "text", Type: "labels", Value: value}
			if s.Note != "" {
				res.Meta = &lsMeta{Text: []string{s.Note}}
			}
			a.Result = append(a.Result, res)
		}
		line, err := json.Marshal(task)
		if err != nil {
			return fmt.Errorf("document %q: %w", d.Title, err)
		}
		if rep.Documents > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(line)
		rep.Documents++
		rep.Spans += len(spans)
		reportSpanLosses(rep, spans, spanKeeps{note: true, annotator: true})
		return nil
	})
	if err != nil {
		return nil, err
	}
	bw.WriteString("\n]\n")
	return rep, bw.Flush()
}

// labelStudioUserJSON writes an annotator as completed_by: a number as a
// user ID, anything else as {"email": ...}; nothing when empty.
func labelStudioUserJSON(annotator string) json.RawMessage {
	if annotator == "" {
		return nil
	}
	if n, err := strconv.Atoi(annotator); err == nil && strconv.Itoa(n) == annotator {
		return json.RawMessage(annotator)
	}
	b, _ := json.Marshal(map[string]string{"email": annotator})
	return b
}
