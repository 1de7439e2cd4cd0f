package pgstore

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/annotate/gen"
)

// The SQLite store's pager test (store/pager_test.go), on the server store.

// pagerProject holds 60 documents with random titles (some equal, some
// non-ASCII), dates, statuses of two annotators, and span counts, with
// some spans deleted again.
func pagerProject(t *testing.T) *Store {
	s, url := newProject(t, "ann")
	r := rand.New(rand.NewSource(3))
	b := &annotate.Batch{}
	titles := []string{"Zürich", "alpha", "Alpha", "北京", "beta", "article", "Ωmega"}
	for i := 0; i < 60; i++ {
		d := annotate.NewDocument(fmt.Sprintf("%s %d", titles[r.Intn(len(titles))], r.Intn(8)), gen.Text(r, 200), "")
		d.UpdatedAt = time.Date(2025, 1, 1+r.Intn(5), 0, 0, 0, 0, time.UTC)
		b.Documents = append(b.Documents, d)
		b.Spans = append(b.Spans, gen.Spans(r, d.ID, d.Text, r.Intn(6))...)
	}
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	other := openAs(t, url, "other")
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

// TestDocumentsPageMatchesSortedList: every sort order and filter, paged
// 7 at a time, lists exactly the documents of Documents() that pass the
// filter, in the order a plain sort gives, with the same span counts.
func TestDocumentsPageMatchesSortedList(t *testing.T) {
	s := pagerProject(t)
	all, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	seq := map[string]int{}
	for i, d := range all {
		seq[d.ID] = i
		sp, _ := s.Spans(d.ID)
		if d.SpanCount != len(sp) {
			t.Fatalf("document %s: span count %d, has %d spans", d.ID, d.SpanCount, len(sp))
		}
	}
	rank := map[annotate.Status]int{annotate.StatusTodo: 0, annotate.StatusInProgress: 1, annotate.StatusDone: 2}
	less := map[annotate.SortKey]func(a, b annotate.DocumentInfo) int{
		annotate.SortImport: func(a, b annotate.DocumentInfo) int { return seq[a.ID] - seq[b.ID] },
		annotate.SortTitle: func(a, b annotate.DocumentInfo) int {
			if a.Title != b.Title {
				return map[bool]int{true: -1, false: 1}[a.Title < b.Title]
			}
			return seq[a.ID] - seq[b.ID]
		},
		annotate.SortDate: func(a, b annotate.DocumentInfo) int {
			if c := a.UpdatedAt.Compare(b.UpdatedAt); c != 0 {
				return c
			}
			return seq[a.ID] - seq[b.ID]
		},
		annotate.SortSpanCount: func(a, b annotate.DocumentInfo) int {
			if a.SpanCount != b.SpanCount {
				return a.SpanCount - b.SpanCount
			}
			return seq[a.ID] - seq[b.ID]
		},
		annotate.SortStatus: func(a, b annotate.DocumentInfo) int {
			if rank[a.Status] != rank[b.Status] {
				return rank[a.Status] - rank[b.Status]
			}
			return map[bool]int{true: -1, false: 1}[a.ID < b.ID]
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
				info := map[string]annotate.DocumentInfo{}
				for _, d := range all {
					info[d.ID] = d
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
					page, next, err := s.DocumentsPage(cur, 7, f, annotate.DocSort{By: by, Desc: desc})
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
				n, err := s.Count(f)
				if err != nil || n != len(want) {
					t.Errorf("Count(%+v) = %d, %v; want %d", f, n, err, len(want))
				}
			}
		}
	}
}
