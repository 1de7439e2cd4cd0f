package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gloss/annotate"
)

// Where locates a problem in an input file for error messages: the file, and
// a line or a record (1-based), and optionally a span within the record.
type Where struct {
	File   string
	Line   int
	Record int
	Span   int
}

// String renders the location as "file:line", "file: record N" and so on.
func (w Where) String() string {
	s := w.File
	switch {
	case w.Line > 0:
		s += fmt.Sprintf(":%d", w.Line)
	case w.Record > 0:
		s += fmt.Sprintf(": record %d", w.Record)
	}
	if w.Span > 0 {
		s += fmt.Sprintf(", span %d", w.Span)
	}
	return s
}

// Errorf returns an EINVALID domain error prefixed with the location.
func (w Where) Errorf(format string, args ...any) error {
	return annotate.Errorf(annotate.EINVALID, "%s: %s", w, fmt.Sprintf(format, args...))
}

// jsonError turns a JSON decoding error into one naming the file and line.
func jsonError(name string, data []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off < 0 {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return annotate.Errorf(annotate.EINVALID, "%s:%d: unexpected end of JSON (truncated file?)", name, bytes.Count(data, []byte{'\n'})+1)
		}
		return annotate.Errorf(annotate.EINVALID, "%s: invalid JSON: %s", name, jsonProblem(err))
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := bytes.Count(data[:off], []byte{'\n'}) + 1
	if typ != nil {
		return annotate.Errorf(annotate.EINVALID, "%s:%d: %s", name, line, jsonProblem(err))
	}
	return annotate.Errorf(annotate.EINVALID, "%s:%d: invalid JSON: %s", name, line, jsonProblem(err))
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
