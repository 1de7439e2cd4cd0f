package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"gloss/annotate"
	"gloss/internal/pgtest"
)

// view is a project as its public methods show it: labels, documents
// with their spans, and the edit log.
func view(t *testing.T, s *Store) string {
	t.Helper()
	labels, err := s.Labels()
	if err != nil {
		t.Fatal(err)
	}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var docs []any
	for _, info := range infos {
		d, err := s.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		spans, err := s.Spans(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, []any{d, spans})
	}
	log, err := s.History(0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{labels, docs, log})
	return string(b)
}

func TestInitFromCopiesAndContinuesTheLog(t *testing.T) {
	ctx := context.Background()
	src, _ := newProject(t, "ann1")
	l, d := seed(t, src)
	for _, r := range [][2]int{{0, 3}, {4, 6}} {
		if err := src.AddSpan(annotate.NewSpan(d.ID, r[0], r[1], l.ID)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := src.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := src.SetStatus(d.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	dst, err := InitFrom(ctx, pgtest.NewDatabase(t), Options{Annotator: "ann1"}, src)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if a, b := view(t, src), view(t, dst); a != b {
		t.Fatalf("the copy differs:\n%s\n%s", a, b)
	}
	// The next edit is numbered after the copied log, and redo finds the
	// edit undone before the copy.
	last, _ := src.History(1)
	if _, err := dst.Redo(); err != nil {
		t.Fatalf("redo on the copy: %v", err)
	}
	got, _ := dst.History(1)
	if got[0].Seq != last[0].Seq+1 || got[0].Action != annotate.ActionRedo {
		t.Fatalf("the first edit on the copy is %d %s, want %d redo", got[0].Seq, got[0].Action, last[0].Seq+1)
	}
	if err := dst.Load(src); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("load into a project with documents: %v, want ECONFLICT", err)
	}
}

// failingDump sends a header, then fails.
type failingDump struct{}

var errSource = errors.New("source failed")

func (failingDump) Dump(w annotate.DumpWriter) error {
	if err := w.Header(&annotate.DumpHeader{Labels: []*annotate.Label{{ID: "l1", Name: "claim", Color: "#E69F00"}}}); err != nil {
		return err
	}
	return errSource
}

func TestInitFromFailureLeavesTheDatabaseEmpty(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	if _, err := InitFrom(ctx, url, Options{}, failingDump{}); !errors.Is(err, errSource) {
		t.Fatalf("InitFrom a failing source: %v", err)
	}
	if _, err := Open(ctx, url, Options{}); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("after a failed copy the database is not empty: %v", err)
	}
	s, err := Init(ctx, url, Options{})
	if err != nil {
		t.Fatalf("init after a failed copy: %v", err)
	}
	s.Close()
}
