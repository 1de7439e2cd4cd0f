package store

import (
	"database/sql"
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

// AgreementStudy builds what annotate/agree computes agreement over: the
// documents in scope (ScopeDone, the default when scope is "", or
// ScopeAll) with their lengths in code points, in import order, and the
// spans of the compared annotators in them, with label names. annotators
// nil (or empty) means every annotator with spans except the gold layer,
// sorted; labels nil means every label a compared annotator used (agree's
// default). A named annotator or label the project does not have is an
// EINVALID error.
func (s *Store) AgreementStudy(scope string, annotators, labels []string) (agree.Study, error) {
	var st agree.Study
	if scope == "" {
		scope = ScopeDone
	}
	if scope != ScopeDone && scope != ScopeAll {
		return st, annotate.Errorf(annotate.EINVALID, "unknown scope %q (want %s or %s)", scope, ScopeDone, ScopeAll)
	}
	err := s.read(func(tx *sql.Tx) error {
		anns, err := comparedAnnotators(tx, annotators)
		if err != nil {
			return err
		}
		names, err := labelNames(tx, labels)
		if err != nil {
			return err
		}
		docs, err := scopeDocuments(tx, scope, anns)
		if err != nil {
			return err
		}
		spans, err := studySpans(tx, anns, docs)
		if err != nil {
			return err
		}
		st = agree.Study{Annotators: anns, Labels: names, Documents: docs, Spans: spans}
		return nil
	})
	return st, err
}

// comparedAnnotators checks the named annotators, or returns every
// annotator with spans but the gold layer.
func comparedAnnotators(q queryer, named []string) ([]string, error) {
	have, err := annotators(q)
	if err != nil {
		return nil, err
	}
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
	rows, err := q.Query(`SELECT DISTINCT annotator FROM document_status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		known[a] = true
	}
	for _, a := range named {
		if !known[a] {
			return nil, annotate.Errorf(annotate.EINVALID, "no annotator %q in this project (annotators with spans: %s)", a, strings.Join(have, ", "))
		}
	}
	return append([]string(nil), named...), rows.Err()
}

// labelNames returns the project's names of the named labels (matched
// case-insensitively), or nil for nil.
func labelNames(q queryer, named []string) ([]string, error) {
	if named == nil {
		return nil, nil
	}
	ls, err := queryLabels(q)
	if err != nil {
		return nil, err
	}
	byLower := map[string]string{}
	for _, l := range ls {
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

// scopeDocuments lists the documents in scope, in import order.
func scopeDocuments(q queryer, scope string, anns []string) ([]agree.Document, error) {
	query, args := `SELECT id, length FROM documents ORDER BY seq`, []any{}
	if scope == ScopeDone {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(anns)), ", ")
		query = `SELECT d.id, d.length FROM documents d WHERE (SELECT count(DISTINCT annotator) FROM document_status
			WHERE document_id = d.id AND status = 'done' AND annotator IN (` + marks + `)) = ? ORDER BY d.seq`
		for _, a := range anns {
			args = append(args, a)
		}
		args = append(args, len(anns))
	}
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("agreement documents: %w", err)
	}
	defer rows.Close()
	out := []agree.Document{}
	for rows.Next() {
		var d agree.Document
		if err := rows.Scan(&d.ID, &d.Length); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// studySpans returns the compared annotators' spans in the documents.
func studySpans(q queryer, anns []string, docs []agree.Document) ([]agree.Span, error) {
	inScope := make(map[string]bool, len(docs))
	for _, d := range docs {
		inScope[d.ID] = true
	}
	want := make(map[string]bool, len(anns))
	for _, a := range anns {
		want[a] = true
	}
	rows, err := q.Query(`SELECT s.id, s.document_id, s.start, s."end", l.name, s.annotator
		FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.seq`)
	if err != nil {
		return nil, fmt.Errorf("agreement spans: %w", err)
	}
	defer rows.Close()
	out := []agree.Span{}
	for rows.Next() {
		var sp agree.Span
		if err := rows.Scan(&sp.ID, &sp.Document, &sp.Start, &sp.End, &sp.Label, &sp.Annotator); err != nil {
			return nil, err
		}
		if inScope[sp.Document] && want[sp.Annotator] {
			out = append(out, sp)
		}
	}
	return out, rows.Err()
}
