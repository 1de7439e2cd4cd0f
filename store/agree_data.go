package store

import (
	"database/sql"
	"strings"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/teamrules"
)

// The scopes of an agreement study (those of store/teamrules, named here for callers
// of the project file).
const (
	// ScopeDone is the documents every compared annotator has marked done.
	ScopeDone = teamrules.ScopeDone
	// ScopeAll is every document.
	ScopeAll = teamrules.ScopeAll
)

// AgreementStudy builds what annotate/agree computes agreement over: the
// documents in scope (ScopeDone, the default when scope is "", or
// ScopeAll) with their lengths in code points, in import order, and the
// spans of the compared annotators in them, with label names. annotators
// nil (or empty) means every annotator with spans except the gold layer,
// sorted; labels nil means every label a compared annotator used (agree's
// default). A named annotator or label the project does not have is an
// EINVALID error. The rules are in store/teamrules, shared with the server store.
func (s *Store) AgreementStudy(scope string, annotators, labels []string) (agree.Study, error) {
	var st agree.Study
	err := s.read(func(tx *sql.Tx) error {
		var err error
		st, err = teamrules.Study(studyReader{tx}, scope, annotators, labels)
		return err
	})
	return st, err
}

// studyReader reads a study's rows from the project file (teamrules.Reader).
type studyReader struct{ q queryer }

func (r studyReader) Annotators() ([]string, error) { return annotators(r.q) }

func (r studyReader) Labels() ([]*annotate.Label, error) { return queryLabels(r.q) }

func (r studyReader) StatusAnnotators() ([]string, error) {
	return strings1(r.q, `SELECT DISTINCT annotator FROM document_status`)
}

func (r studyReader) ScopeDocuments(scope string, anns []string) ([]agree.Document, error) {
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
	rows, err := r.q.Query(query, args...)
	if err != nil {
		return nil, err
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

func (r studyReader) StudySpans([]string) ([]agree.Span, error) {
	return agreeSpans(r.q, `SELECT s.id, s.document_id, s.start, s."end", l.name, s.annotator
		FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.seq`)
}

// agreeSpans reads spans as agree.Span: id, document, start, end, label,
// annotator.
func agreeSpans(q queryer, query string, args ...any) ([]agree.Span, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []agree.Span{}
	for rows.Next() {
		var sp agree.Span
		if err := rows.Scan(&sp.ID, &sp.Document, &sp.Start, &sp.End, &sp.Label, &sp.Annotator); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// strings1 reads a one-column list of text.
func strings1(q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
