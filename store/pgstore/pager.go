package pgstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gloss/annotate"
)

var _ annotate.Pager = (*Store)(nil)

// maxPage bounds a documents page.
const maxPage = 10000

// pageQuery builds a page query: $1 is the annotator, arg adds the others.
type pageQuery struct {
	where []string
	args  []any
}

func (q *pageQuery) arg(v any) string {
	q.args = append(q.args, v)
	return fmt.Sprintf("$%d", len(q.args)+1)
}

// filter adds the conditions of f.
func (q *pageQuery) filter(f annotate.DocFilter) {
	switch f.Status {
	case "":
	case annotate.StatusTodo:
		q.where = append(q.where, "(ds.status IS NULL OR ds.status = 'todo')")
	default:
		q.where = append(q.where, "ds.status = "+q.arg(string(f.Status)))
	}
	if f.Sample {
		q.where = append(q.where, "EXISTS (SELECT 1 FROM sample WHERE document_id = d.id)")
	}
	if f.AssignedTo != "" {
		q.where = append(q.where, "EXISTS (SELECT 1 FROM assignments WHERE annotator = "+q.arg(f.AssignedTo)+" AND document_id = d.id)")
	}
}

func (q *pageQuery) sql(order string, limit int) string {
	s := `SELECT * FROM (SELECT d.seq, d.id, d.title, coalesce(ds.status, 'todo') AS status, d.source, d.length, d.updated_at,
		(SELECT count(*) FROM spans s WHERE s.document_id = d.id) AS spans,
		CASE coalesce(ds.status, 'todo') WHEN 'todo' THEN 0 WHEN 'in-progress' THEN 1 ELSE 2 END AS rank
		FROM documents d LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = $1`
	if len(q.where) > 0 {
		s += " WHERE " + strings.Join(q.where, " AND ")
	}
	return s + ") p" + order + fmt.Sprintf(" LIMIT %d", limit)
}

// DocumentsPage returns up to limit documents after the cursor, in the
// order sort says, that pass filter, with the store's annotator's status
// (see annotate.Pager), by keyset pagination. (The span count is counted
// per document: SortSpanCount reads every document's spans.)
func (s *Store) DocumentsPage(after annotate.Cursor, limit int, filter annotate.DocFilter, sort annotate.DocSort) ([]annotate.DocumentInfo, annotate.Cursor, error) {
	if limit <= 0 || limit > maxPage {
		return nil, after, annotate.Errorf(annotate.EINVALID, "a documents page holds 1 to %d documents, not %d", maxPage, limit)
	}
	if after.Done {
		return nil, after, nil
	}
	if filter.Status != "" && !filter.Status.Valid() {
		return nil, after, annotate.Errorf(annotate.EINVALID, "no status %q", filter.Status)
	}
	key, ok := map[annotate.SortKey]string{annotate.SortImport: "", annotate.SortTitle: "title", annotate.SortDate: "updated_at",
		annotate.SortSpanCount: "spans", annotate.SortStatus: "rank"}[sort.By]
	if !ok {
		return nil, after, annotate.Errorf(annotate.EINVALID, "no sort order %d", sort.By)
	}
	var q pageQuery
	q.filter(filter)
	tie := "seq"
	if sort.By == annotate.SortStatus {
		tie = "id" // ties in status order are broken by ID, as in the project file
	}
	cmp, dir := ">", " ASC"
	if sort.Desc {
		cmp, dir = "<", " DESC"
	}
	var outer []string
	if after.Set {
		switch sort.By {
		case annotate.SortImport:
			outer = append(outer, "seq "+cmp+" "+q.arg(after.Seq))
		case annotate.SortSpanCount:
			outer = append(outer, fmt.Sprintf("(spans, seq) %s (%s, %s)", cmp, q.arg(after.Num), q.arg(after.Seq)))
		case annotate.SortStatus:
			outer = append(outer, fmt.Sprintf("(rank, id) %s (%s, %s)", cmp, q.arg(after.Num), q.arg(after.ID)))
		default:
			outer = append(outer, fmt.Sprintf("(%s, seq) %s (%s, %s)", key, cmp, q.arg(after.Text), q.arg(after.Seq)))
		}
	}
	order := tie + dir
	if key != "" {
		order = key + dir + ", " + order
	}
	where := ""
	if len(outer) > 0 {
		where = " WHERE " + strings.Join(outer, " AND ")
	}
	rows, err := s.pool.Query(context.Background(), q.sql(where+" ORDER BY "+order, limit), slices.Insert(q.args, 0, any(s.annotator))...)
	if err != nil {
		return nil, after, dbErr(s.url, fmt.Errorf("list documents: %w", err))
	}
	defer rows.Close()
	var out []annotate.DocumentInfo
	next := after
	for rows.Next() {
		var d annotate.DocumentInfo
		var seq, rank int64
		var status, updated string
		if err := rows.Scan(&seq, &d.ID, &d.Title, &status, &d.Source, &d.Length, &updated, &d.SpanCount, &rank); err != nil {
			return nil, after, err
		}
		d.Status, d.UpdatedAt = annotate.Status(status), parseTime(updated)
		out = append(out, d)
		next = annotate.Cursor{Set: true, Seq: seq, ID: d.ID, Num: int64(d.SpanCount), Text: d.Title}
		switch sort.By {
		case annotate.SortDate:
			next.Text = updated
		case annotate.SortStatus:
			next.Num = rank
		}
	}
	if err := rows.Err(); err != nil {
		return nil, after, err
	}
	next.Done = len(out) < limit
	return out, next, nil
}

// Count returns how many documents pass filter (see annotate.Pager).
func (s *Store) Count(filter annotate.DocFilter) (int, error) {
	if filter.Status != "" && !filter.Status.Valid() {
		return 0, annotate.Errorf(annotate.EINVALID, "no status %q", filter.Status)
	}
	var q pageQuery
	q.filter(filter)
	sql := `SELECT count(*) FROM documents d LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = $1`
	if len(q.where) > 0 {
		sql += " WHERE " + strings.Join(q.where, " AND ")
	}
	var n int
	if err := s.pool.QueryRow(context.Background(), sql, slices.Insert(q.args, 0, any(s.annotator))...).Scan(&n); err != nil {
		return 0, dbErr(s.url, fmt.Errorf("count documents: %w", err))
	}
	return n, nil
}
