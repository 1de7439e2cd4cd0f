package formats

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

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
// both are counted as left out, as are relations, events, span attributes,
// typed notes, equivalence sets, normalisations and document categories. Import reads this table back as spans, or a
// table with a text column as documents (see readCSVWith); .tsv is read only.
//
// A text cell that a spreadsheet would run as a formula (starting with =,
// +, -, @, a tab or a carriage return) is written with a ' in front, as
// OWASP recommends (see SafeCSVCell); CSVFormat(false) writes cells as
// they are, for pipelines that read the file with a program.
var csvFormat = CSVFormat(true)

// CSVFormat returns the CSV format, neutralising formulas in the text cells
// it writes when escapeFormulas is true (the "csv" format of the table).
func CSVFormat(escapeFormulas bool) *Format {
	cell := SafeCSVCell
	if !escapeFormulas {
		cell = func(s string) string { return s }
	}
	return &Format{
		Name:       "csv",
		Extensions: []string{".csv", ".tsv"},
		Read:       readCSV,
		ReadWith:   readCSVWith,
		Write: func(w io.Writer, src annotate.Source) (*ExportReport, error) {
			return writeCSV(w, src, cell)
		},
	}
}

// SafeCSVCell returns s with a ' in front when a spreadsheet would read it
// as a formula or command: when it starts with =, +, -, @, a tab or a
// carriage return (OWASP's advice against CSV injection). Every other
// cell is returned unchanged.
func SafeCSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvHeader is the first row of a CSV export.
var csvHeader = []string{"document_id", "document_title", "start", "end", "label", "text", "note", "annotator"}

func writeCSV(w io.Writer, src annotate.Source, cell func(string) string) (*ExportReport, error) {
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
		if err := reportStructureLosses(rep, src, d, spans, structKeeps{}); err != nil {
			return err
		}
		if len(spans) == 0 {
			rep.Drop("documents without spans", 1)
			return nil
		}
		off := unitext.NewOffsets(d.Text)
		for _, s := range spans {
			row := []string{cell(d.ID), cell(d.Title), strconv.Itoa(s.Start), strconv.Itoa(s.End), cell(names[s.LabelID]),
				cell(off.Slice(s.Start, s.End)), cell(s.Note), cell(s.Annotator)}
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
