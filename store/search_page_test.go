package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/find"
)

// pagedSearch reads every page of a search, checking each page's bounds.
func pagedSearch(t *testing.T, s *Store, query string, opts find.Options, docs int) ([]string, int) {
	t.Helper()
	var out []string
	var cur TextCursor
	pages := 0
	for !cur.Done {
		page, err := s.SearchTextPage(query, opts, cur, docs)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Results) > docs {
			t.Fatalf("%q: a page of %d documents holds %d", query, docs, len(page.Results))
		}
		if !page.Next.Done && page.Next.Seq <= cur.Seq {
			t.Fatalf("%q: the cursor did not move (%d after %d)", query, page.Next.Seq, cur.Seq)
		}
		for _, r := range page.Results {
			if len(r.Hits) == 0 {
				t.Fatalf("%q: document %s on a page without hits", query, r.Doc.ID)
			}
			for _, h := range r.Hits {
				out = append(out, fmt.Sprintf("%s[%d,%d)", r.Doc.ID, h.Start, h.End))
			}
		}
		cur = page.Next
		if pages++; pages > 10000 {
			t.Fatalf("%q: no end after %d pages", query, pages)
		}
	}
	return out, pages
}

// TestSearchTextPage: reading every page gives exactly the hits reading
// every text gives (documents, order, code point offsets), whatever the
// page size and the bound on candidates read per page, before the index
// is built (documents read in full), after, and with a document added
// after the index; the candidate count is an upper bound that narrows.
func TestSearchTextPage(t *testing.T) {
	defer func(n int) { textPageRead = n }(textPageRead)
	s := newProject(t)
	if _, err := s.Import(searchCorpus()); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		t.Helper()
		total, err := s.Count(annotate.DocFilter{})
		if err != nil {
			t.Fatal(err)
		}
		infos, err := s.Documents()
		if err != nil {
			t.Fatal(err)
		}
		all := make([]*annotate.Document, len(infos))
		for i, info := range infos {
			if all[i], err = s.Document(info.ID); err != nil {
				t.Fatal(err)
			}
		}
		hits := 0
		for i, q := range searchQueries {
			for _, opts := range []find.Options{{}, {CaseSensitive: true}, {IgnoreAccents: true}} {
				m, err := find.NewLiteral(q, opts)
				if err != nil {
					t.Fatal(err)
				}
				var want []string // the reference: every text matched
				for _, d := range all {
					for _, h := range m.FindAll(d.Text) {
						want = append(want, fmt.Sprintf("%s[%d,%d)", d.ID, h.Start, h.End))
					}
				}
				hits += len(want)
				cases := []struct{ docs, read int }{{7, 2000}, {3, 5}, {1000, 1}}
				if i < 4 {
					cases = append(cases, struct{ docs, read int }{1, 2000}) // a page a document
				}
				for _, c := range cases {
					textPageRead = c.read
					got, pages := pagedSearch(t, s, q, opts, c.docs)
					if strings.Join(got, " ") != strings.Join(want, " ") {
						t.Errorf("%s: %q %+v, pages of %d reading %d: %d pages\n pages %v\n  scan %v", stage, q, opts, c.docs, c.read, pages, got, want)
					}
				}
				n, err := s.CountTextCandidates(q, opts, 0)
				if err != nil {
					t.Fatal(err)
				}
				if capped, err := s.CountTextCandidates(q, opts, 10); err != nil || capped != min(n, 10) {
					t.Errorf("%s: %q %+v: %d candidates up to 10, of %d (%v)", stage, q, opts, capped, n, err)
				}
				docs := map[string]bool{}
				for _, h := range want {
					docs[h[:strings.IndexByte(h, '[')]] = true
				}
				if n < len(docs) || n > total {
					t.Errorf("%s: %q %+v: %d candidates for %d documents with hits, of %d", stage, q, opts, n, len(docs), total)
				}
				if q == "no such phrase anywhere" && stage != "not indexed" && !opts.IgnoreAccents && n > 2 {
					t.Errorf("%s: %q: the index did not narrow (%d candidates)", stage, q, n)
				}
			}
		}
		if hits < 300 {
			t.Fatalf("only %d hits in all: the corpus does not exercise the search", hits)
		}
	}
	check("not indexed")
	if err := s.BuildIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	check("indexed")
	addDoc(t, s, "late", "Москва, stabilizing factor")
	check("indexed, one added")

	page, err := s.SearchTextPage("stabilizing", find.Options{}, TextCursor{Done: true}, 5)
	if err != nil || len(page.Results) != 0 || !page.Next.Done {
		t.Errorf("after the last page: %+v %v", page, err)
	}
	if _, err := s.SearchTextPage("x", find.Options{}, TextCursor{}, 0); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("a page of 0 documents: %v", err)
	}
	if _, err := s.SearchTextPage("", find.Options{}, TextCursor{}, 5); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("an empty query: %v", err)
	}
	if _, err := s.CountTextCandidates("stabilizing", find.Options{}, -1); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("a negative bound: %v", err)
	}
}
