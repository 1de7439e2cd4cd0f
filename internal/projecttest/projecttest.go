package projecttest

import (
	"sync"
	"testing"

	"gloss/annotate"
)

// Target makes fresh projects for the suite.
type Target struct {
	// New creates a new, empty project (no labels, no documents) and
	// returns a function that opens it (again) as the given annotator;
	// each call returns a new handle on the SAME project, as a second
	// window or another annotator's Gloss would have. New is called once
	// per case, with the case's t (use t.TempDir, t.Cleanup for what the
	// project needs). The suite closes every handle it opens, exactly once.
	New func(t *testing.T) (open func(t *testing.T, annotator string) annotate.Project)
}

// Run runs every case of the suite against the target, each as a subtest
// named for its area (documents, labels, spans, batches, import, stats,
// history, persistence, source, concurrency, team) and case.
func Run(t *testing.T, tg Target) {
	if tg.New == nil {
		t.Fatal("projecttest: Target.New is nil")
	}
	areas := []struct {
		name string
		run  func(t *testing.T, tg Target)
	}{
		{"documents", testDocuments},
		{"labels", testLabels},
		{"spans", testSpans},
		{"batches", testBatches},
		{"import", testImport},
		{"stats", testStats},
		{"pager", testPager},
		{"history", testHistory},
		{"persistence", testPersistence},
		{"source", testSource},
		{"concurrency", testConcurrency},
		{"structure", testStructure},
		{"team", testTeam},
	}
	for _, a := range areas {
		t.Run(a.name, func(t *testing.T) { a.run(t, tg) })
	}
}

// env is one fresh project of one case and the handles opened on it.
type env struct {
	t    *testing.T
	open func(t *testing.T, annotator string) annotate.Project

	mu     sync.Mutex
	closed map[annotate.Project]bool
}

// newEnv makes a fresh project for t; every handle still open when t ends
// is closed then.
func newEnv(t *testing.T, tg Target) *env {
	t.Helper()
	open := tg.New(t)
	if open == nil {
		t.Fatal("projecttest: Target.New returned a nil open function")
	}
	e := &env{t: t, open: open, closed: map[annotate.Project]bool{}}
	t.Cleanup(func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		for p, done := range e.closed {
			if !done {
				e.closed[p] = true
				if err := p.Close(); err != nil {
					t.Errorf("closing a handle at the end: %v", err)
				}
			}
		}
	})
	return e
}

// as opens a new handle on the project as annotator.
func (e *env) as(annotator string) annotate.Project {
	e.t.Helper()
	p := e.open(e.t, annotator)
	if p == nil {
		e.t.Fatalf("open as %s returned a nil project", annotator)
	}
	e.mu.Lock()
	e.closed[p] = false
	e.mu.Unlock()
	return p
}

// close closes a handle now and fails the case when Close fails.
func (e *env) close(p annotate.Project) {
	e.t.Helper()
	e.mu.Lock()
	done := e.closed[p]
	e.closed[p] = true
	e.mu.Unlock()
	if done {
		return
	}
	if err := p.Close(); err != nil {
		e.t.Fatalf("Close: %v", err)
	}
}

// historian returns p as an annotate.Historian; every store must be one.
func historian(t *testing.T, p annotate.Project) annotate.Historian {
	t.Helper()
	h, ok := p.(annotate.Historian)
	if !ok {
		t.Fatalf("%T does not implement annotate.Historian: every Gloss store must", p)
	}
	return h
}
