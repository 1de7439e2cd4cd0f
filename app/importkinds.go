package app

import (
	"slices"
	"strings"

	"gloss/annotate/formats"
)

// articleKinds are the extensions the Import menu names one by one, in this
// order, when formats.ReadExtensions has them: texts, saved web pages, Word
// files, tables and JSON lines. The other extensions Gloss reads (brat,
// CoNLL, Label Studio, doccano, spaCy…) are "other tools' formats".
var articleKinds = []string{".txt", ".md", ".html", ".htm", ".docx", ".csv", ".tsv", ".jsonl"}

// importKinds names the kinds of file Gloss imports, for the Import menu
// and file dialog: the article kinds formats.ReadExtensions lists, then
// "other tools' formats" when it lists more.
func importKinds() string {
	exts := formats.ReadExtensions()
	var named []string
	for _, e := range articleKinds {
		if slices.Contains(exts, e) {
			named = append(named, e)
		}
	}
	if len(exts) > len(named) {
		named = append(named, "other tools' formats")
	}
	return strings.Join(named, ", ")
}

// importFilesLabel is the File menu's Import item.
func importFilesLabel() string { return "Import a file (" + importKinds() + ")…" }
