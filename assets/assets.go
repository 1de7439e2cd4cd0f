// Package assets embeds what ships inside Gloss: the sample article, the
// default label set and the icon.
package assets

import (
	_ "embed"
	"encoding/json"

	"gloss/annotate"
)

//go:embed sample-article.txt
var sampleArticle string

//go:embed labels.json
var labelsJSON []byte

// SampleTitle is the title of the sample article in a new default project.
const SampleTitle = "Russia China coordination"

// SampleArticle returns the sample article a new user sees first.
func SampleArticle() *annotate.Document {
	d := annotate.NewDocument(SampleTitle, sampleArticle, "sample-article.txt")
	d.Metadata = map[string]any{"sample": true}
	return d
}

// DefaultLabels returns fresh copies of the default labels: actor, claim and
// prediction, with distinct colours and hotkeys 1-3.
func DefaultLabels() []*annotate.Label {
	var ls []*annotate.Label
	if err := json.Unmarshal(labelsJSON, &ls); err != nil {
		panic("assets: labels.json: " + err.Error())
	}
	for i, l := range ls {
		l.ID = annotate.NewID()
		l.Order = i
	}
	return ls
}

// Seed fills a new, empty project with the default labels and, when
// withSample is set, the sample article.
func Seed(p annotate.Project, withSample bool) error {
	for _, l := range DefaultLabels() {
		if err := p.AddLabel(l); err != nil {
			return err
		}
	}
	if withSample {
		return p.AddDocuments([]*annotate.Document{SampleArticle()})
	}
	return nil
}
