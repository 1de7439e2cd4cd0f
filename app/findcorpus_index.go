package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/annotate/find"
)

// corpusHitLimit bounds the hits a find in a large project lists: the
// first ones come at once from the full-text index, and a query with more
// says so rather than reading the whole corpus.
const corpusHitLimit = 2000

// indexedFind returns the project's full-text search when corpus find
// should use it: for a project listed page by page (a large one). A small
// project is scanned, which also ignores accents.
func (c *corpusFind) indexedFind() annotate.TextSearcher {
	if c.s.pager == nil {
		return nil
	}
	ts, _ := c.s.p.(annotate.TextSearcher)
	return ts
}

// firstHits is how many hits corpus find shows as soon as it has them,
// before the search goes on to corpusHitLimit.
const firstHits = 100

// searchIndex finds q through the full-text index, up to corpusHitLimit
// hits (more reports whether it stopped there), with exact code point
// offsets and the context of each hit. partial, when set, is called with
// the hits so far once there are firstHits of them.
func searchIndex(ctx context.Context, ts annotate.TextSearcher, q string, caseSensitive, wholeWord bool, partial func([]docHits)) (found []docHits, more bool, err error) {
	n := 0
	err = ts.SearchTexts(ctx, annotate.TextQuery{Text: q, CaseSensitive: caseSensitive, WholeWord: wholeWord}, corpusHitLimit+1,
		func(doc *annotate.Document, hits []annotate.TextHit) bool {
			if n+len(hits) > corpusHitLimit {
				hits, more = hits[:corpusHitLimit-n], true
			}
			n += len(hits)
			if len(hits) == 0 {
				return false
			}
			fh := make([]find.Hit, len(hits))
			for i, h := range hits {
				fh[i] = find.Hit{Start: h.Start, End: h.End}
			}
			info := annotate.DocumentInfo{ID: doc.ID, Title: doc.Title, Status: doc.Status, Source: doc.Source}
			found = append(found, docHits{info: info, text: doc.Text, hits: fh, ctx: find.Contexts(doc.Text, fh, findContext)})
			if partial != nil && n >= firstHits && n-len(hits) < firstHits && !more {
				partial(found[:len(found):len(found)])
			}
			return !more
		})
	return found, more, err
}

// indexedJob is searchJob's work for a large project: the index's first
// hits, the count saying when there are more.
func (c *corpusFind) indexedJob(ts annotate.TextSearcher, q string, caseSensitive, wholeWord bool) func(ctx context.Context) func() {
	return func(ctx context.Context) func() {
		if q == "" {
			return func() { c.showHits("", nil, nil) }
		}
		found, more, err := searchIndex(ctx, ts, q, caseSensitive, wholeWord, func(first []docHits) {
			fyne.Do(func() {
				if ctx.Err() == nil { // no newer search began (halt cancels on this goroutine)
					c.showHits(q, first, nil)
					c.count.SetText(c.count.Text + " so far…")
				}
			})
		})
		return func() {
			c.showHits(q, found, err)
			if more && err == nil {
				c.count.SetText(fmt.Sprintf("the first %s hits, in %s (narrow the search for the rest)", countText(corpusHitLimit), plural(len(found), "document")))
			}
		}
	}
}
