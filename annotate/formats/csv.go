package formats

import (
	"encoding/csv"
	"io"
	"strconv"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// CSV export writes one row per span under a header row:
//
//	document_id,document_title,start,end,label,text,note,annotator
//
// start and end are code points; text is the span's exact text. Fields are
// quoted as RFC 4180 says, so tabs and line breaks inside them survive. The
// file is UTF-8 without a byte order mark. Documents without spans do not
// appear, and the links between fragments of a discontinuous span are lost;
// both are counted as left out. Import reads this table back as spans, or a
// table with a text column as documents (see readCSVWith); .tsv is read only.
var csvFormat = &Format{
	Name:       "csv",
	Extensions: []string{".csv", ".tsv"},
	Read:       readCSV,
	ReadWith:   readCSVWith,
	Write:      writeCSV,
}

// csvHeader is the first row of a CSV export.
var csvHeader = []string{"document_id", "document_title", "start", "end", "label", "text", "note", "annotator"}

func writeCSV(w io.Writer, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	names := labelNames(labels)
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil, err
	}
	rep := &ExportReport{}
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		rep.Documents++
		if len(spans) == 0 {
			rep.Drop("documents without spans", 1)
			return nil
		}
		off := unitext.NewOffsets(d.Text)
		for _, s := range spans {
			row := []string{d.ID, d.Title, strconv.Itoa(s.Start), strconv.Itoa(s.End), names[s.LabelID],
				off.Slice(s.Start, s.End), s.Note, s.Annotator}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		rep.Spans += len(spans)
		reportSpanLosses(rep, spans, spanKeeps{note: true, annotator: true})
		return nil
	})
	if err != nil {
		return nil, err
	}
	cw.Flush()
	return rep, cw.Error()
}
