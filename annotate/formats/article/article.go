// Package article reads articles as researchers get them — saved news pages
// (HTML), Word files (DOCX) and spreadsheets with a text column (CSV/TSV) —
// into documents with a title, the article's text and its metadata.
//
// Every reader takes the file's name and bytes (the caller reads the file),
// returns every document of the file or none, and names the file in every
// error.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"gloss/annotate"
)

// Metadata keys every reader fills when it knows the value.
const (
	KeyAuthor = "author" // the byline or document author
	KeyDate   = "date"   // publication (or creation) date, ISO 8601
	KeySite   = "site"   // the site or publication name
	KeyLang   = "lang"   // the declared or detected language (BCP 47 / ISO 639-1)
	KeyURL    = "url"    // the canonical URL of the page
	KeySource = "source" // the file name as given to the reader
	KeySHA256 = "sha256" // hex SHA-256 of the file's original bytes
)

// Article is one text read from a file, before it becomes a document.
type Article struct {
	Title string
	Text  string
	Meta  map[string]string
}

// Document returns the article as a new todo document whose source is the
// file name, with every non-empty metadata value copied.
func (a Article) Document(source string) *annotate.Document {
	doc := annotate.NewDocument(a.Title, a.Text, source)
	for k, v := range a.Meta {
		if v != "" {
			doc.Metadata[k] = v
		}
	}
	return doc
}

// documents turns articles into documents, all of them or none: each one
// must pass annotate's own validation.
func documents(name string, arts []Article) ([]*annotate.Document, error) {
	docs := make([]*annotate.Document, 0, len(arts))
	for _, a := range arts {
		doc := a.Document(name)
		if err := doc.Validate(); err != nil {
			return nil, fileErr(name, "%v", err)
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// fileErr returns an EINVALID domain error whose message starts with the file name.
func fileErr(name, format string, args ...any) error {
	return annotate.Errorf(annotate.EINVALID, "%s: %s", name, fmt.Sprintf(format, args...))
}

// lineErr returns an EINVALID domain error naming the file and line as name:line.
func lineErr(name string, line int, format string, args ...any) error {
	return annotate.Errorf(annotate.EINVALID, "%s:%d: %s", name, line, fmt.Sprintf(format, args...))
}

// provenance returns the metadata every reader records about the file.
func provenance(name string, data []byte) map[string]string {
	sum := sha256.Sum256(data)
	return map[string]string{KeySource: name, KeySHA256: hex.EncodeToString(sum[:])}
}

// baseTitle is the file's base name without its extension, the title of
// last resort.
func baseTitle(name string) string {
	base := filepath.Base(name)
	if t := strings.TrimSuffix(base, filepath.Ext(base)); t != "" {
		return t
	}
	return base
}

// cleanText makes s storable: invalid UTF-8 becomes U+FFFD and NUL bytes are
// dropped (an HTML parser does the same with both).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.ReplaceAll(s, "\x00", "")
}

// oneLine collapses every run of white space (including line breaks) to one
// space and trims the ends: for titles and metadata values.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}
