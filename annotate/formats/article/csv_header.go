package article

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// CSVHeader returns the header row of a CSV or TSV file, decoded and split
// as ReadCSV does (byte order marks, Excel's UTF-16, the separator rules of
// CSVOptions.Comma), with each name trimmed of spaces. Importers use it to
// tell a table of documents from other tables before reading the rows.
func CSVHeader(name string, data []byte, opts CSVOptions) ([]string, error) {
	text, err := decodeCSV(name, data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = opts.Comma
	if r.Comma == 0 {
		r.Comma = sniffComma(name, text)
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fileErr(name, "empty file: no header row")
	}
	if err != nil {
		return nil, csvErr(name, err)
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	return header, nil
}
