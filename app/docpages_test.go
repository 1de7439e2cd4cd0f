package app

import (
	"fmt"
	"testing"

	"gloss/annotate"
)

// slicePager pages a slice in order by keyset (the cursor holds the last
// row's index), counting the pages it was asked for.
type slicePager struct {
	docs  []annotate.DocumentInfo
	pages int
}

func (p *slicePager) DocumentsPage(after annotate.Cursor, limit int, _ annotate.DocFilter, _ annotate.DocSort) ([]annotate.DocumentInfo, annotate.Cursor, error) {
	p.pages++
	start := 0
	if after.Set {
		start = int(after.Seq) + 1
	}
	end := min(len(p.docs), start+limit)
	next := annotate.Cursor{Set: true, Seq: int64(end - 1), Done: end == len(p.docs)}
	return p.docs[start:end], next, nil
}

func (p *slicePager) Count(annotate.DocFilter) (int, error) { return len(p.docs), nil }

func newSlicePager(n int) *slicePager {
	p := &slicePager{}
	for i := 0; i < n; i++ {
		p.docs = append(p.docs, annotate.DocumentInfo{ID: fmt.Sprint(i), Title: fmt.Sprintf("doc %d", i)})
	}
	return p
}

// TestDocPagesNearAndFar: a row next to the pages read costs one page; a
// far row is a placeholder until the walk brings its page (here inline),
// with every cursor on the way kept, and memory holds at most keptPages.
func TestDocPagesNearAndFar(t *testing.T) {
	p := newSlicePager(pageRows*50 + 7)
	d := newDocPages(p)
	d.spawn = func(f func()) { f() }
	loaded := 0
	d.onLoaded = func() { loaded++ }
	if err := d.reset(annotate.DocFilter{}, annotate.DocSort{}); err != nil {
		t.Fatal(err)
	}
	if d.total != pageRows*50+7 {
		t.Fatalf("total %d", d.total)
	}
	if r, ok := d.at(3); !ok || r.Title != "doc 3" || p.pages != 1 {
		t.Fatalf("row 3: %v %v after %d pages", r, ok, p.pages)
	}
	if r, ok := d.at(pageRows + 1); !ok || r.Title != fmt.Sprint("doc ", pageRows+1) || p.pages != 2 {
		t.Fatalf("row of page 2: %v %v after %d pages", r, ok, p.pages)
	}
	far := pageRows*50 + 5
	if _, ok := d.at(far); ok {
		t.Fatal("a far row came without a walk")
	}
	if loaded != 1 || len(d.cursors) != 51 {
		t.Fatalf("after the walk: %d loads, %d cursors; want 1 and 51", loaded, len(d.cursors))
	}
	if r, ok := d.at(far); !ok || r.Title != fmt.Sprint("doc ", far) {
		t.Fatalf("far row after the walk: %v %v", r, ok)
	}
	for k := 0; k < 50; k++ {
		d.at(k * pageRows)
	}
	if len(d.pages) > keptPages {
		t.Errorf("%d pages in memory, at most %d", len(d.pages), keptPages)
	}
	if i := d.indexOf(fmt.Sprint(49 * pageRows)); i != 49*pageRows {
		t.Errorf("indexOf a row in memory: %d", i)
	}
	if _, ok := d.at(d.total); ok {
		t.Error("a row past the end")
	}
}
