package article

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"gloss/annotate"
)

// CSVOptions tune the CSV/TSV reader. The zero value reads a comma- (or, for
// .tsv, tab-) separated file whose text is in a column named "text".
type CSVOptions struct {
	// TextColumn names the column holding each document's text; "" means
	// "text". A column matching it only when case is ignored is taken too.
	TextColumn string
	// TitleColumn, if set, names the column holding each document's title;
	// otherwise the ID column's value, else "<file> row N", is the title.
	TitleColumn string
	// IDColumn, if set, names a column of identifiers: each must be unique,
	// and it names rows that have no title.
	IDColumn string
	// Comma is the field separator; 0 means a tab for .tsv and .tab files,
	// else whatever of tab or semicolon the header row holds instead of commas,
	// else a comma.
	Comma rune
}

// ReadCSV reads a spreadsheet with one document per row: the text from the
// text column, the title from the title column, and every other column as
// metadata under its header name (a column named source or sha256 becomes
// column.source or column.sha256, leaving those keys to the file's name and
// hash). UTF-8 with or without a byte order mark and Excel's UTF-16 are read;
// quoted fields may hold line breaks. Rows whose cells are all empty are
// skipped; any other problem names the file and line.
func ReadCSV(name string, data []byte, opts CSVOptions) ([]*annotate.Document, error) {
	arts, err := ExtractCSV(name, data, opts)
	if err != nil {
		return nil, err
	}
	return documents(name, arts)
}

// ExtractCSV is ReadCSV before the articles become documents.
func ExtractCSV(name string, data []byte, opts CSVOptions) ([]Article, error) {
	text, err := decodeCSV(name, data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = opts.Comma
	if r.Comma == 0 {
		r.Comma = sniffComma(name, text)
	}
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fileErr(name, "empty file: no header row")
		}
		return nil, csvErr(name, err)
	}
	cols, err := csvColumns(name, header, opts)
	if err != nil {
		return nil, err
	}
	base := provenance(name, data)
	var arts []Article
	ids := map[string]int{}
	for row := 1; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(name, err)
		}
		line, _ := r.FieldPos(0)
		if allEmpty(rec) {
			continue
		}
		body := rec[cols.text]
		if strings.TrimSpace(body) == "" {
			return nil, lineErr(name, line, "empty text in column %q", header[cols.text])
		}
		meta := map[string]string{}
		for i, v := range rec {
			if i != cols.text && i != cols.title {
				meta[cols.keys[i]] = v
			}
		}
		for k, v := range base {
			meta[k] = v
		}
		var id string
		if cols.id >= 0 {
			id = oneLine(rec[cols.id])
			if first, dup := ids[id]; dup && id != "" {
				return nil, lineErr(name, line, "id %q already used on line %d", id, first)
			}
			ids[id] = line
		}
		title := ""
		if cols.title >= 0 {
			title = oneLine(rec[cols.title])
		}
		if title == "" {
			title = id
		}
		if title == "" {
			title = fmt.Sprintf("%s row %d", baseTitle(name), row)
		}
		arts = append(arts, Article{Title: title, Text: body, Meta: meta})
	}
	if len(arts) == 0 {
		return nil, fileErr(name, "no rows under the header")
	}
	return arts, nil
}

// csvCols are the positions of the columns the reader uses (-1 when unset)
// and the metadata key of every column.
type csvCols struct {
	text, title, id int
	keys            []string
}

func csvColumns(name string, header []string, opts CSVOptions) (csvCols, error) {
	cols := csvCols{keys: make([]string, len(header))}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			h = fmt.Sprintf("column %d", i+1)
		}
		if seen[h] {
			return cols, lineErr(name, 1, "column %q appears twice in the header", h)
		}
		seen[h] = true
		header[i] = h
		cols.keys[i] = h
		if h == KeySource || h == KeySHA256 {
			cols.keys[i] = "column." + h
		}
	}
	find := func(want string) (int, error) {
		if want == "" {
			return -1, nil
		}
		fold := -1
		for i, h := range header {
			if h == want {
				return i, nil
			}
			if strings.EqualFold(h, want) && fold < 0 {
				fold = i
			}
		}
		if fold >= 0 {
			return fold, nil
		}
		return -1, lineErr(name, 1, "no column %q among %s", want, strings.Join(quoteAll(header), ", "))
	}
	var err error
	textCol := opts.TextColumn
	if textCol == "" {
		textCol = "text"
	}
	if cols.text, err = find(textCol); err != nil {
		return cols, err
	}
	if cols.title, err = find(opts.TitleColumn); err != nil {
		return cols, err
	}
	cols.id, err = find(opts.IDColumn)
	return cols, err
}

// decodeCSV returns data as UTF-8 text: a UTF-8 byte order mark is dropped,
// UTF-16 (with a byte order mark, or recognised by its zero bytes, as Excel
// writes "Unicode text") is decoded, and anything else must be valid UTF-8.
func decodeCSV(name string, data []byte) (string, error) {
	var dec transform.Transformer = unicode.BOMOverride(encoding.Nop.NewDecoder())
	switch {
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		dec = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		dec = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
	}
	out, _, err := transform.Bytes(dec, data)
	if err != nil {
		return "", fileErr(name, "cannot decode the text: %v; save the spreadsheet as \"CSV UTF-8\"", err)
	}
	text := string(out)
	if err := annotate.CheckText(text); err != nil {
		return "", fileErr(name, "%v; save the spreadsheet as \"CSV UTF-8 (comma delimited)\" and import that file", err)
	}
	return text, nil
}

// sniffComma picks the separator of a file whose options do not say.
func sniffComma(name, text string) rune {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv", ".tab":
		return '\t'
	}
	head, _, _ := strings.Cut(text, "\n")
	if !strings.Contains(head, ",") {
		if strings.Contains(head, "\t") {
			return '\t'
		}
		if strings.Contains(head, ";") {
			return ';'
		}
	}
	return ','
}

// csvErr names the file and line of a parse error.
func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fileErr(name, "%v", err)
	}
	where := ""
	if pe.StartLine != pe.Line {
		where = fmt.Sprintf(" (in the row starting on line %d)", pe.StartLine)
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return lineErr(name, pe.Line, "the row has a different number of fields than the header%s", where)
	}
	return lineErr(name, pe.Line, "column %d: %v%s", pe.Column, pe.Err, where)
}

func allEmpty(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
