package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/teamrules"
)

// AgreementStudy builds what annotate/agree computes agreement over, as
// the SQLite store does (by the rules in store/teamrules): the documents in
// scope (teamrules.ScopeDone, the default when scope is "", or teamrules.ScopeAll)
// with their lengths in code points, in import order, and the spans of
// the compared annotators in them, with label names. annotators nil (or
// empty) means every annotator with spans except the gold layer, sorted;
// labels nil means every label a compared annotator used. A named
// annotator or label the project does not have is an EINVALID error. It
// reads one snapshot, through row-level security: a blind annotator's
// study has only their own layer (and gold) to compare.
func (s *Store) AgreementStudy(scope string, annotators, labels []string) (agree.Study, error) {
	var st agree.Study
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		var err error
		st, err = teamrules.Study(studyReader{ctx, tx}, scope, annotators, labels)
		return err
	})
	return st, err
}

// studyReader reads a study's rows in one transaction (teamrules.Reader).
type studyReader struct {
	ctx context.Context
	q   conn
}

func (r studyReader) Annotators() ([]string, error) { return textList(r.ctx, r.q, annotatorsSQL) }

func (r studyReader) StatusAnnotators() ([]string, error) {
	return textList(r.ctx, r.q, `SELECT DISTINCT annotator FROM document_status`)
}

func (r studyReader) Labels() ([]*annotate.Label, error) { return queryLabels(r.ctx, r.q) }

func (r studyReader) ScopeDocuments(scope string, anns []string) ([]agree.Document, error) {
	query, args := `SELECT id, length FROM documents ORDER BY seq`, []any{}
	if scope == teamrules.ScopeDone {
		query = `SELECT d.id, d.length FROM documents d WHERE (SELECT count(DISTINCT annotator) FROM document_status
			WHERE document_id = d.id AND status = 'done' AND annotator = ANY($1)) = $2 ORDER BY d.seq`
		args = []any{anns, len(anns)}
	}
	rows, err := r.q.Query(r.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (agree.Document, error) {
		var d agree.Document
		return d, row.Scan(&d.ID, &d.Length)
	})
	if out == nil && err == nil {
		out = []agree.Document{}
	}
	return out, err
}

// StudySpans reads only the compared annotators' spans (teamrules.Study keeps
// those in scope).
func (r studyReader) StudySpans(anns []string) ([]agree.Span, error) {
	return agreeSpans(r.ctx, r.q, `SELECT s.id, s.document_id, s.start, s."end", l.name, s.annotator
		FROM spans s JOIN labels l ON l.id = s.label_id WHERE s.annotator = ANY($1) ORDER BY s.seq`, anns)
}

// agreeSpans reads spans as agree.Span: id, document, start, end, label,
// annotator.
func agreeSpans(ctx context.Context, q conn, query string, args ...any) ([]agree.Span, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (agree.Span, error) {
		var sp agree.Span
		return sp, row.Scan(&sp.ID, &sp.Document, &sp.Start, &sp.End, &sp.Label, &sp.Annotator)
	})
}
