package find

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Entry is one dictionary term, the label it gets and the line of the
// dictionary file it came from (1-based).
type Entry struct {
	Term  string
	Label string
	Line  int
}

// ParseDictionary reads a dictionary file: one term a row, optionally
// followed by its label. A name ending in ".csv" is read as CSV (comma
// separated, with CSV quoting); any other name as TSV (tab separated, no
// quoting). A leading byte order mark is ignored, and so are blank rows,
// empty trailing fields and spaces around terms and labels. The first row is a header, and skipped,
// when it is "term" and "label" or "term" alone (in any case). A row without
// a label gets defaultLabel. name is used only in errors, which look like
// "dict.tsv:7: ...". A file with no terms is an error.
func ParseDictionary(name string, data []byte, defaultLabel string) ([]Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var rows [][]string
	var lines []int
	var err error
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		rows, lines, err = csvRows(name, data)
	} else {
		rows, lines, err = tsvRows(name, data)
	}
	if err != nil {
		return nil, err
	}
	defaultLabel = strings.TrimSpace(defaultLabel)
	var out []Entry
	for i, row := range rows {
		line := lines[i]
		for j := range row {
			row[j] = strings.TrimSpace(row[j])
		}
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1] // trailing empty fields, as spreadsheets write
		}
		if len(row) == 0 {
			continue
		}
		if len(out) == 0 && isHeader(row) {
			continue
		}
		switch {
		case len(row) > 2:
			return nil, fmt.Errorf("%s:%d: %d fields; want a term and a label", name, line, len(row))
		case row[0] == "":
			return nil, fmt.Errorf("%s:%d: the term is empty", name, line)
		}
		e := Entry{Term: row[0], Label: defaultLabel, Line: line}
		if len(row) == 2 {
			e.Label = row[1]
		}
		if e.Label == "" {
			return nil, fmt.Errorf("%s:%d: term %q has no label and no default label was given", name, line, e.Term)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no terms", name)
	}
	return out, nil
}

// isHeader reports whether row is the header "term", "label".
func isHeader(row []string) bool {
	return strings.EqualFold(row[0], "term") && (len(row) == 1 || len(row) == 2 && strings.EqualFold(row[1], "label"))
}

// tsvRows splits data into rows of tab separated fields, with their line
// numbers.
func tsvRows(name string, data []byte) ([][]string, []int, error) {
	var rows [][]string
	var lines []int
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			return nil, nil, fmt.Errorf("%s:%d: not valid UTF-8", name, i+1)
		}
		rows = append(rows, strings.Split(line, "\t"))
		lines = append(lines, i+1)
	}
	return rows, lines, nil
}

// csvRows reads data as CSV records, with the line each starts on.
func csvRows(name string, data []byte) ([][]string, []int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err != nil {
			if err == io.EOF {
				return rows, lines, nil
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
			}
			return nil, nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		for _, f := range rec {
			if !utf8.ValidString(f) {
				return nil, nil, fmt.Errorf("%s:%d: not valid UTF-8", name, line)
			}
		}
		rows = append(rows, rec)
		lines = append(lines, line)
	}
}
