package formats

import (
	"bytes"
	"strings"

	"gloss/annotate"
	"gloss/annotate/formats/article"
)

// ReadOptions tune how an import reads its files (see PlanPathsWith).
type ReadOptions struct {
	// Format names the format of every file, or is "auto" (or "") to
	// detect each file's format from its name and first bytes.
	Format string
	// CSV says which columns of a CSV/TSV table of documents hold the text,
	// title and ID (see article.CSVOptions); the zero value reads the text
	// from a column named "text".
	CSV article.CSVOptions
}

// htmlFormat reads a saved web page as one document: the article only,
// with its title and metadata (see article.ReadHTML).
var htmlFormat = &Format{
	Name:       "html",
	Extensions: []string{".html", ".htm"},
	Sniff:      sniffHTML,
	Read: func(name string, data []byte) (*annotate.Batch, error) {
		docs, err := article.ReadHTML(name, data)
		if err != nil {
			return nil, err
		}
		return &annotate.Batch{Documents: docs}, nil
	},
}

// docxFormat reads a Word file as one document (see article.ReadDOCX).
var docxFormat = &Format{
	Name:       "docx",
	Extensions: []string{".docx"},
	Sniff:      sniffDOCX,
	Read: func(name string, data []byte) (*annotate.Batch, error) {
		docs, err := article.ReadDOCX(name, data, article.DOCXOptions{})
		if err != nil {
			return nil, err
		}
		return &annotate.Batch{Documents: docs}, nil
	},
}

// sniffHTML accepts content that starts, after a byte order mark and white
// space, with an HTML doctype or <html> tag.
func sniffHTML(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 64 {
		head = head[:64]
	}
	lower := strings.ToLower(string(head))
	return strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html")
}

// sniffDOCX accepts a zip archive whose first entries name a Word part or
// the package's content types (a .docx names [Content_Types].xml first).
func sniffDOCX(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) &&
		(bytes.Contains(head, []byte("word/")) || bytes.Contains(head, []byte("[Content_Types].xml")))
}

// readCSV reads a CSV or TSV file with the default options.
func readCSV(name string, data []byte) (*annotate.Batch, error) {
	return readCSVWith(name, data, ReadOptions{})
}

// readCSVWith tells the two tables Gloss reads as CSV apart by their
// header: Gloss's own span table (document_id, document_title, start, end,
// label, ...: what export writes) becomes spans of documents already in
// the project; a table with a text column becomes one document per row
// (article.ReadCSV), titled from a column named "title" when no title
// column is named. A table that is neither is refused, naming the columns
// looked for.
func readCSVWith(name string, data []byte, opts ReadOptions) (*annotate.Batch, error) {
	header, err := article.CSVHeader(name, data, opts.CSV)
	if err != nil {
		return nil, err
	}
	if isSpanTable(header) {
		return readSpanTable(name, data)
	}
	textCol := opts.CSV.TextColumn
	if textCol == "" {
		textCol = "text"
	}
	if !hasColumn(header, textCol) {
		return nil, annotate.Errorf(annotate.EINVALID,
			"%s:1: no text column %q (one document a row; name another text column with --text-column) and not a Gloss span table (%s); the columns are %s",
			name, textCol, strings.Join(csvHeader[:5], ","), quoteList(header))
	}
	if opts.CSV.TitleColumn == "" && hasColumn(header, "title") {
		opts.CSV.TitleColumn = "title"
	}
	docs, err := article.ReadCSV(name, data, opts.CSV)
	if err != nil {
		return nil, err
	}
	return &annotate.Batch{Documents: docs}, nil
}

// hasColumn reports whether header has the column want, ignoring case as
// article.ReadCSV does.
func hasColumn(header []string, want string) bool {
	for _, h := range header {
		if strings.EqualFold(h, want) {
			return true
		}
	}
	return false
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, ", ")
}

// readFile reads one file of a plan with the import's options: formats
// that take options (CSV) through ReadWith, the others through Read.
func (f *Format) readFile(name string, data []byte, opts ReadOptions) (*annotate.Batch, error) {
	if f.ReadWith != nil {
		return f.ReadWith(name, data, opts)
	}
	return f.Read(name, data)
}
