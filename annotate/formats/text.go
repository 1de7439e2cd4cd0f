package formats

import (
	"path/filepath"
	"strings"

	"gloss/annotate"
)

var textFormat = &Format{
	Name:       "text",
	Extensions: []string{".txt", ".md", ".text", ".markdown"},
	Read:       readText,
}

// readText reads a plain text file as one document titled after the file.
func readText(name string, data []byte) (*annotate.Batch, error) {
	if err := checkFileBytes(name, data); err != nil {
		return nil, err
	}
	text := string(data)
	base := filepath.Base(name)
	title := strings.TrimSuffix(base, filepath.Ext(base))
	if title == "" {
		title = base
	}
	doc := annotate.NewDocument(title, text, name)
	return &annotate.Batch{Documents: []*annotate.Document{doc}}, nil
}
