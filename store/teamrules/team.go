// Package teamrules holds the rules of agreement studies and curation that do not
// depend on where a project is kept, so that the SQLite project file (store)
// and the PostgreSQL project (store/pgstore) build the same study and add
// the same gold spans from the same project: which annotators are compared,
// which label names are meant, which spans are in scope, which tuples a
// curation run adds and which it leaves alone. The stores only read rows.
package teamrules

import (
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// The scopes of an agreement study.
const (
	// ScopeDone is the documents every compared annotator has marked done.
	ScopeDone = "done"
	// ScopeAll is every document.
	ScopeAll = "all"
)

// Scope returns the scope a study asks for: ScopeDone for "", or an
// EINVALID error for an unknown one.
func Scope(scope string) (string, error) {
	switch scope {
	case "":
		return ScopeDone, nil
	case ScopeDone, ScopeAll:
		return scope, nil
	}
	return "", annotate.Errorf(annotate.EINVALID, "unknown scope %q (want %s or %s)", scope, ScopeDone, ScopeAll)
}

// Compared returns the annotators a study or a curation compares. have is
// every annotator with spans, sorted. With no named annotators, that is
// every one of them but the gold layer (an EINVALID error when none is
// left); otherwise the named ones, each of which must have spans or a
// status (withStatus lists those, and is called only then).
func Compared(have []string, withStatus func() ([]string, error), named []string) ([]string, error) {
	if len(named) == 0 {
		out := []string{}
		for _, a := range have {
			if a != annotate.Gold {
				out = append(out, a)
			}
		}
		if len(out) == 0 {
			return nil, annotate.Errorf(annotate.EINVALID, "no annotator has spans in this project")
		}
		return out, nil
	}
	known := map[string]bool{}
	for _, a := range have {
		known[a] = true
	}
	more, err := withStatus()
	if err != nil {
		return nil, err
	}
	for _, a := range more {
		known[a] = true
	}
	for _, a := range named {
		if !known[a] {
			return nil, annotate.Errorf(annotate.EINVALID, "no annotator %q in this project (annotators with spans: %s)", a, strings.Join(have, ", "))
		}
	}
	return append([]string(nil), named...), nil
}

// LabelNames returns the project's names of the named labels, matched
// without regard to case, or nil for nil (every label a compared annotator
// used). A name the project does not have is an EINVALID error.
func LabelNames(labels []*annotate.Label, named []string) ([]string, error) {
	if named == nil {
		return nil, nil
	}
	byLower := map[string]string{}
	for _, l := range labels {
		byLower[strings.ToLower(l.Name)] = l.Name
	}
	out := make([]string, len(named))
	for i, n := range named {
		name, ok := byLower[strings.ToLower(n)]
		if !ok {
			return nil, annotate.Errorf(annotate.EINVALID, "no label named %q in this project", n)
		}
		out[i] = name
	}
	return out, nil
}

// InStudy keeps the spans, in their order, that are in one of the
// documents and belong to one of the compared annotators.
func InStudy(spans []agree.Span, anns []string, docs []agree.Document) []agree.Span {
	inScope := make(map[string]bool, len(docs))
	for _, d := range docs {
		inScope[d.ID] = true
	}
	want := make(map[string]bool, len(anns))
	for _, a := range anns {
		want[a] = true
	}
	out := []agree.Span{}
	for _, sp := range spans {
		if inScope[sp.Document] && want[sp.Annotator] {
			out = append(out, sp)
		}
	}
	return out
}

// Study checks scope, annotators and labels and reads what a study needs
// through r, in this order, then keeps the spans in scope: the one way
// both stores build an agreement study.
func Study(r Reader, scope string, annotators, labels []string) (agree.Study, error) {
	var st agree.Study
	scope, err := Scope(scope)
	if err != nil {
		return st, err
	}
	have, err := r.Annotators()
	if err != nil {
		return st, err
	}
	anns, err := Compared(have, r.StatusAnnotators, annotators)
	if err != nil {
		return st, err
	}
	var names []string
	if labels != nil {
		ls, err := r.Labels()
		if err != nil {
			return st, err
		}
		if names, err = LabelNames(ls, labels); err != nil {
			return st, err
		}
	}
	docs, err := r.ScopeDocuments(scope, anns)
	if err != nil {
		return st, fmt.Errorf("agreement documents: %w", err)
	}
	spans, err := r.StudySpans(anns)
	if err != nil {
		return st, fmt.Errorf("agreement spans: %w", err)
	}
	return agree.Study{Annotators: anns, Labels: names, Documents: docs, Spans: InStudy(spans, anns, docs)}, nil
}

// Reader is what a store reads for a study, all in one snapshot.
type Reader interface {
	// Annotators lists every annotator with spans, sorted.
	Annotators() ([]string, error)
	// StatusAnnotators lists every annotator with a document status.
	StatusAnnotators() ([]string, error)
	// Labels lists the project's labels.
	Labels() ([]*annotate.Label, error)
	// ScopeDocuments lists the documents in scope (ScopeAll: every one;
	// ScopeDone: those every one of anns marked done), in import order.
	ScopeDocuments(scope string, anns []string) ([]agree.Document, error)
	// StudySpans lists the spans (with label names) of at least the
	// annotators anns, in the order they were added.
	StudySpans(anns []string) ([]agree.Span, error)
}
