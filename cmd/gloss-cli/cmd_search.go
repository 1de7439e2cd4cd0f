package main

import (
	"encoding/json"
	"fmt"

	"gloss/annotate"
	"gloss/annotate/find"
	"gloss/store"
)

func init() {
	register("search", "print every occurrence of a text in the corpus, with context", cmdSearch)
}

// searchRow is one line of search --json.
type searchRow struct {
	Document string `json:"document"`
	Title    string `json:"title"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Context  string `json:"context"`
}

func cmdSearch(e *env, args []string) error {
	fs := newFlags(e, "search", "[--json] [--limit N] [--case-sensitive] [--whole-word] PROJECT QUERY",
		"Print every occurrence of QUERY (literal text, case-insensitive by Unicode simple folding\n"+
			"unless --case-sensitive) in document order: title, [start, end) in code points and the hit\n"+
			"in context. --json prints one object a line: document, title, start, end, context.")
	asJSON := fs.Bool("json", false, "one JSON object per hit")
	limit := fs.Int("limit", 0, "only the first N hits (0: all)")
	caseSensitive := fs.Bool("case-sensitive", false, "match case exactly")
	wholeWord := fs.Bool("whole-word", false, "only matches not touching letters, digits or _")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if *limit < 0 {
		return errUsage{"--limit must be 0 or more"}
	}
	opts := find.Options{CaseSensitive: *caseSensitive, WholeWord: *wholeWord}
	if _, err := find.NewLiteral(pos[1], opts); err != nil {
		return errUsage{err.Error()}
	}
	return withAnyProject(pos[0], store.Options{NoCreate: true, NoBackup: true, ReadOnly: true}, func(p annotate.Project) error {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		var werr error
		err := searchAny(p, pos[1], opts, *limit, func(h corpusHit) bool {
			if *asJSON {
				werr = enc.Encode(searchRow{h.Doc, h.Title, h.Start, h.End, h.Left + h.Hit + h.Right})
			} else {
				_, werr = fmt.Fprintf(e.stdout, "%s\t[%d, %d)\t…%s[%s]%s…\n", h.Title, h.Start, h.End, h.Left, h.Hit, h.Right)
			}
			return werr == nil
		})
		if err != nil {
			return err
		}
		return werr
	})
}

// searchAny searches a project file through its index (indexedSearch)
// and a server project by reading every document (scanCorpus).
func searchAny(p annotate.Project, query string, opts find.Options, limit int, fn func(corpusHit) bool) error {
	if fp, ok := p.(*store.Store); ok {
		return indexedSearch(fp, query, opts, limit, fn)
	}
	m, err := find.NewLiteral(query, opts)
	if err != nil {
		return errUsage{err.Error()}
	}
	docs, err := p.Documents()
	if err != nil {
		return err
	}
	return scanCorpus(p, docs, m, limit, fn)
}

// indexedSearch is scanCorpus over every document, answered by the
// project's full-text index (store.SearchText): the same hits in the same
// order, reading only the texts the index points to.
func indexedSearch(p *store.Store, query string, opts find.Options, limit int, fn func(corpusHit) bool) error {
	return p.SearchText(query, opts, limit, func(d *annotate.Document, hits []find.Hit) bool {
		for i, k := range find.Contexts(d.Text, hits, contextWidth) {
			if !fn(corpusHit{Doc: d.ID, Title: d.Title, Start: hits[i].Start, End: hits[i].End, Left: k.Left, Hit: k.Hit, Right: k.Right}) {
				return false
			}
		}
		return true
	})
}
