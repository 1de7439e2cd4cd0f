package projecttest

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/annotate/gen"
)

// testPager holds the store's annotate.Pager (the documents list of a
// large project, page by page) to the order and filters Documents gives.
func testPager(t *testing.T, tg Target) {
	t.Run("pages match the sorted list", func(t *testing.T) {
		e := newEnv(t, tg)
		p := pagerProject(t, e)
		checkPages(t, p, pager(t, p))
	})
	t.Run("span counts follow edits", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		pg := pager(t, p)
		d := addDoc(t, p, "one", "some words to mark here")
		claim, actor := addLabel(t, p, "claim"), addLabel(t, p, "actor")
		count := func(what string) int {
			t.Helper()
			page, _, err := pg.DocumentsPage(annotate.Cursor{}, 10, annotate.DocFilter{}, annotate.DocSort{})
			if err != nil || len(page) != 1 {
				t.Fatalf("%s: page %v, %v; want the one document", what, page, err)
			}
			return page[0].SpanCount
		}
		sp := addSpan(t, p, d.ID, 0, 4, claim.ID)
		if _, err := p.AddSpans([]*annotate.Span{annotate.NewSpan(d.ID, 5, 10, actor.ID), annotate.NewSpan(d.ID, 11, 13, actor.ID)}); err != nil {
			t.Fatal(err)
		}
		if n := count("after adding 3"); n != 3 {
			t.Fatalf("after adding 3: %d", n)
		}
		if err := p.DeleteSpan(sp.ID); err != nil {
			t.Fatal(err)
		}
		if n := count("after deleting 1"); n != 2 {
			t.Fatalf("after deleting 1: %d", n)
		}
		if _, err := historian(t, p).Undo(); err != nil {
			t.Fatal(err)
		}
		if n := count("after undoing the delete"); n != 3 {
			t.Fatalf("after undoing the delete: %d", n)
		}
	})
	t.Run("bad arguments refused", func(t *testing.T) {
		e := newEnv(t, tg)
		pg := pager(t, e.as("alice"))
		_, _, err := pg.DocumentsPage(annotate.Cursor{}, 0, annotate.DocFilter{}, annotate.DocSort{})
		wantCode(t, "limit 0", err, annotate.EINVALID)
		_, _, err = pg.DocumentsPage(annotate.Cursor{}, 5, annotate.DocFilter{Status: "nope"}, annotate.DocSort{})
		wantCode(t, "bad status", err, annotate.EINVALID)
		_, _, err = pg.DocumentsPage(annotate.Cursor{}, 5, annotate.DocFilter{}, annotate.DocSort{By: 99})
		wantCode(t, "bad sort", err, annotate.EINVALID)
	})
}

// pager returns p as an annotate.Pager; every store must be one.
func pager(t *testing.T, p annotate.Project) annotate.Pager {
	t.Helper()
	pg, ok := p.(annotate.Pager)
	if !ok {
		t.Fatalf("%T does not implement annotate.Pager: every Gloss store must (the documents list of a large project)", p)
	}
	return pg
}

// pagerProject fills the case's project with 60 documents with random
// titles (some equal, some non-ASCII), dates, statuses of two annotators,
// and span counts, with some spans deleted again; it returns ann's handle.
func pagerProject(t *testing.T, e *env) annotate.Project {
	t.Helper()
	s, other := e.as("ann"), e.as("other")
	r := rand.New(rand.NewSource(3))
	b := &annotate.Batch{}
	titles := []string{"Zürich", "alpha", "Alpha", "北京", "beta", "article", "Ωmega"}
	for range 60 {
		d := annotate.NewDocument(fmt.Sprintf("%s %d", titles[r.Intn(len(titles))], r.Intn(8)), gen.Text(r, 200), "")
		d.UpdatedAt = time.Date(2025, 1, 1+r.Intn(5), 0, 0, 0, 0, time.UTC)
		b.Documents = append(b.Documents, d)
		b.Spans = append(b.Spans, gen.Spans(r, d.ID, d.Text, r.Intn(6))...)
	}
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	for _, d := range b.Documents {
		st := []annotate.Status{annotate.StatusTodo, annotate.StatusInProgress, annotate.StatusDone}[r.Intn(3)]
		if err := s.SetStatus(d.ID, st); err != nil {
			t.Fatal(err)
		}
		if err := other.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	for i, bs := range b.Spans {
		if i%4 == 0 {
			if err := s.DeleteSpan(bs.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

// checkPages checks that every sort order and filter, paged 7 at a time,
// lists exactly the documents of Documents() that pass the filter, in the
// order a plain sort gives, with the same span counts, and that Count
// agrees.
func checkPages(t *testing.T, s annotate.Project, pg annotate.Pager) {
	t.Helper()
	all, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	seq := map[string]int{}
	info := map[string]annotate.DocumentInfo{}
	for i, d := range all {
		seq[d.ID] = i
		info[d.ID] = d
		if sp := spansOf(t, s, d.ID); d.SpanCount != len(sp) {
			t.Fatalf("document %s: span count %d, has %d spans", d.ID, d.SpanCount, len(sp))
		}
	}
	bySeq := func(a, b annotate.DocumentInfo) int { return seq[a.ID] - seq[b.ID] }
	then := func(c int, a, b annotate.DocumentInfo) int {
		if c != 0 {
			return c
		}
		return bySeq(a, b)
	}
	rank := map[annotate.Status]int{annotate.StatusTodo: 0, annotate.StatusInProgress: 1, annotate.StatusDone: 2}
	less := map[annotate.SortKey]func(a, b annotate.DocumentInfo) int{
		annotate.SortImport: bySeq,
		annotate.SortTitle: func(a, b annotate.DocumentInfo) int {
			return then(strings.Compare(a.Title, b.Title), a, b)
		},
		annotate.SortDate: func(a, b annotate.DocumentInfo) int {
			return then(a.UpdatedAt.Compare(b.UpdatedAt), a, b)
		},
		annotate.SortSpanCount: func(a, b annotate.DocumentInfo) int {
			return then(a.SpanCount-b.SpanCount, a, b)
		},
		annotate.SortStatus: func(a, b annotate.DocumentInfo) int {
			if c := rank[a.Status] - rank[b.Status]; c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID) // ties by ID, not import order
		},
	}
	filters := []annotate.DocFilter{{}, {Status: annotate.StatusTodo}, {Status: annotate.StatusDone}, {Status: annotate.StatusInProgress}}
	for by, cmp := range less {
		for _, desc := range []bool{false, true} {
			for _, f := range filters {
				var want []string
				for _, d := range all {
					if f.Status == "" || d.Status == f.Status {
						want = append(want, d.ID)
					}
				}
				sort.Slice(want, func(i, j int) bool {
					c := cmp(info[want[i]], info[want[j]])
					if desc {
						c = -c
					}
					return c < 0
				})
				var got []string
				var cur annotate.Cursor
				for pages := 0; !cur.Done; pages++ {
					page, next, err := pg.DocumentsPage(cur, 7, f, annotate.DocSort{By: by, Desc: desc})
					if err != nil {
						t.Fatal(err)
					}
					if pages > 20 || len(page) > 7 {
						t.Fatalf("sort %d: runaway paging", by)
					}
					for _, d := range page {
						if d != info[d.ID] {
							t.Fatalf("page row %+v differs from Documents() %+v", d, info[d.ID])
						}
						got = append(got, d.ID)
					}
					cur = next
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("sort %d desc %v filter %+v:\n got %v\nwant %v", by, desc, f, got, want)
				}
				n, err := pg.Count(f)
				if err != nil || n != len(want) {
					t.Errorf("Count(%+v) = %d, %v; want %d", f, n, err, len(want))
				}
			}
		}
	}
}
