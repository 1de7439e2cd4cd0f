package main

import (
	"strings"

	"gloss/annotate"
	"gloss/annotate/find"
)

// corpus is what the find commands read from a project: the documents'
// list and one document's text at a time.
type corpus interface {
	Documents() ([]annotate.DocumentInfo, error)
	Document(id string) (*annotate.Document, error)
	FindDocument(titleOrID string) (*annotate.Document, error)
}

// corpusHit is one hit of a corpus search, with its context.
type corpusHit struct {
	Doc, Title       string
	Start, End       int // code points
	Left, Hit, Right string
}

// contextWidth is how many code points of context the find commands show
// on each side of a hit.
const contextWidth = 30

// targetDocs lists the documents named by title or ID, in the order named
// (each once), or every document in import order when none is named.
func targetDocs(c corpus, named []string) ([]annotate.DocumentInfo, error) {
	if len(named) == 0 {
		return c.Documents()
	}
	var out []annotate.DocumentInfo
	seen := map[string]bool{}
	for _, n := range named {
		d, err := c.FindDocument(n)
		if err != nil {
			return nil, err
		}
		if !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, annotate.DocumentInfo{ID: d.ID, Title: d.Title})
		}
	}
	return out, nil
}

// scanCorpus calls fn with every hit of m in the documents, in document
// order and text order, until fn returns false or limit hits (0: no limit)
// were given. It reads every document's text; gloss-cli search uses the
// full-text index instead (indexedSearch), and the tests check that both
// give the same hits.
func scanCorpus(c corpus, docs []annotate.DocumentInfo, m find.Matcher, limit int, fn func(corpusHit) bool) error {
	n := 0
	for _, info := range docs {
		d, err := c.Document(info.ID)
		if err != nil {
			return err
		}
		hits := m.FindAll(d.Text)
		if len(hits) == 0 {
			continue
		}
		if limit > 0 && len(hits) > limit-n {
			hits = hits[:limit-n]
		}
		for i, k := range find.Contexts(d.Text, hits, contextWidth) {
			h := corpusHit{Doc: d.ID, Title: d.Title, Start: hits[i].Start, End: hits[i].End, Left: k.Left, Hit: k.Hit, Right: k.Right}
			n++
			if !fn(h) {
				return nil
			}
		}
		if limit > 0 && n >= limit {
			return nil
		}
	}
	return nil
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
