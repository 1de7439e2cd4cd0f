package pgstore

import (
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// spanCols receives the columns of a span that may be absent (the null
// side of an outer join).
type spanCols struct {
	id, doc, label, note, annotator, grp, created, updated, attrs *string
	start, end                                                    *int
}

// list is the select list of the span s.
func (*spanCols) list() string {
	return `s.id, s.document_id, s.start, s."end", s.label_id, s.note, s.annotator, s.grp, s.created_at, s.updated_at, s.attrs`
}

func (c *spanCols) dest() []any {
	return []any{&c.id, &c.doc, &c.start, &c.end, &c.label, &c.note, &c.annotator, &c.grp, &c.created, &c.updated, &c.attrs}
}

// span is the span read, nil when there was none.
func (c *spanCols) span() (*annotate.Span, error) {
	if c.id == nil {
		return nil, nil
	}
	sp := &annotate.Span{ID: *c.id, DocumentID: *c.doc, Start: *c.start, End: *c.end, LabelID: *c.label, Note: *c.note,
		Annotator: *c.annotator, Group: *c.grp, CreatedAt: parseTime(*c.created), UpdatedAt: parseTime(*c.updated)}
	if *c.attrs != "" && json.Unmarshal([]byte(*c.attrs), &sp.Attributes) != nil {
		return nil, damagedRow("span", sp.ID, "its attributes are not JSON")
	}
	return sp, nil
}

// withSpan is a row whose columns after the first ones go to extra.
type withSpan struct {
	row   pgx.Row
	extra []any
}

// Scan scans the row into dest and then extra.
func (r withSpan) Scan(dest ...any) error { return r.row.Scan(append(dest, r.extra...)...) }
