package store

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

var _ annotate.Pager = (*Store)(nil)

// maxPage bounds a documents page.
const maxPage = 10000

// pageSelect reads a DocumentInfo and its seq; ?1 is the annotator.
const pageSelect = `SELECT d.seq, d.id, d.title, coalesce(ds.status, 'todo'), d.source, d.length, d.updated_at, coalesce(c.spans, 0)
	FROM documents d
	LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?1
	LEFT JOIN document_counts c ON c.seq = d.seq`

// statusOrder is the order of SortStatus.
var statusOrder = []annotate.Status{annotate.StatusTodo, annotate.StatusInProgress, annotate.StatusDone}

// DocumentsPage returns up to limit documents after the cursor, in the
// order sort says, that pass filter, with the store's annotator's status
// (see annotate.Pager). Each order is served by an index (title, date and
// span count by their own; status by the status index and documents' IDs),
// so a page reads about limit rows when the filter keeps most documents;
// a filter that keeps few reads further along the index to fill the page.
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
	if sort.By == annotate.SortStatus {
		return s.statusPage(after, limit, filter, sort.Desc)
	}
	where, args := filterSQL(filter)
	key, ok := map[annotate.SortKey]string{
		annotate.SortImport: "", annotate.SortTitle: "d.title", annotate.SortDate: "d.updated_at", annotate.SortSpanCount: "c.spans",
	}[sort.By]
	if !ok {
		return nil, after, annotate.Errorf(annotate.EINVALID, "no sort order %d", sort.By)
	}
	seq := "d.seq"
	if sort.By == annotate.SortSpanCount {
		seq = "c.seq" // so that the span count index serves the order
	}
	cmp, dir := ">", "ASC"
	if sort.Desc {
		cmp, dir = "<", "DESC"
	}
	if after.Set {
		switch {
		case key == "":
			where = append(where, fmt.Sprintf("d.seq %s ?", cmp))
			args = append(args, after.Seq)
		case sort.By == annotate.SortSpanCount:
			where = append(where, fmt.Sprintf("(%s, %s) %s (?, ?)", key, seq, cmp))
			args = append(args, after.Num, after.Seq)
		default:
			where = append(where, fmt.Sprintf("(%s, %s) %s (?, ?)", key, seq, cmp))
			args = append(args, after.Text, after.Seq)
		}
	}
	order := seq + " " + dir
	if key != "" {
		order = key + " " + dir + ", " + order
	}
	q := pageSelect + whereSQL(where) + " ORDER BY " + order + fmt.Sprintf(" LIMIT %d", limit)
	if sort.By == annotate.SortSpanCount {
		// Drive the query from the span count index.
		q = strings.Replace(q, "FROM documents d\n\tLEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?1\n\tLEFT JOIN document_counts c ON c.seq = d.seq",
			"FROM document_counts c CROSS JOIN documents d ON d.seq = c.seq\n\tLEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?1", 1)
	}
	infos, last, err := s.queryPage(q, append([]any{s.annotator}, args...))
	if err != nil {
		return nil, after, err
	}
	next := annotate.Cursor{Set: true, Done: len(infos) < limit}
	if len(infos) > 0 {
		next.Seq = last.seq
		next.Text, next.Num = last.sortText(sort.By), int64(infos[len(infos)-1].SpanCount)
	} else {
		next = after
		next.Done = true
	}
	return infos, next, nil
}

// pageRow is what a page's last row leaves in the cursor.
type pageRow struct {
	seq   int64
	title string
	date  string
}

func (r pageRow) sortText(by annotate.SortKey) string {
	if by == annotate.SortTitle {
		return r.title
	}
	return r.date
}

// statusPage lists documents by the annotator's status, one status after
// another (in reverse when desc), each by ID.
func (s *Store) statusPage(after annotate.Cursor, limit int, filter annotate.DocFilter, desc bool) ([]annotate.DocumentInfo, annotate.Cursor, error) {
	order := append([]annotate.Status(nil), statusOrder...)
	if desc {
		for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
			order[i], order[j] = order[j], order[i]
		}
	}
	cmp, dir := ">", "ASC"
	if desc {
		cmp, dir = "<", "DESC"
	}
	var out []annotate.DocumentInfo
	cur := after
	for rank, st := range order {
		if after.Set && int64(rank) < after.Num {
			continue
		}
		if filter.Status != "" && filter.Status != st {
			continue
		}
		f := filter
		f.Status = st
		where, args := filterSQL(f)
		// The status index holds document IDs in order (todo documents
		// have no row: they are read by the documents' ID index).
		id := "ds.document_id"
		if st == annotate.StatusTodo {
			id = "d.id"
		}
		if after.Set && int64(rank) == after.Num {
			where = append(where, id+" "+cmp+" ?")
			args = append(args, after.ID)
		}
		q := pageSelect + whereSQL(where) + " ORDER BY " + id + " " + dir + fmt.Sprintf(" LIMIT %d", limit-len(out))
		infos, _, err := s.queryPage(q, append([]any{s.annotator}, args...))
		if err != nil {
			return nil, after, err
		}
		out = append(out, infos...)
		if len(infos) > 0 {
			cur = annotate.Cursor{Set: true, Num: int64(rank), ID: infos[len(infos)-1].ID}
		}
		if len(out) == limit {
			return out, cur, nil
		}
	}
	cur.Set, cur.Done = true, true
	return out, cur, nil
}

// filterSQL returns the conditions of a filter; ?1 is the annotator.
func filterSQL(f annotate.DocFilter) ([]string, []any) {
	var where []string
	var args []any
	switch f.Status {
	case "":
	case annotate.StatusTodo:
		where = append(where, "(ds.status IS NULL OR ds.status = 'todo')")
	default:
		where = append(where, "ds.status = ?")
		args = append(args, string(f.Status))
	}
	if f.Sample {
		where = append(where, "EXISTS (SELECT 1 FROM sample WHERE document_id = d.id)")
	}
	if f.AssignedTo != "" {
		where = append(where, "EXISTS (SELECT 1 FROM assignments WHERE annotator = ? AND document_id = d.id)")
		args = append(args, f.AssignedTo)
	}
	return where, args
}

func whereSQL(where []string) string {
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// queryPage runs a page query (numbered arguments from ?2 on, in order).
func (s *Store) queryPage(q string, args []any) ([]annotate.DocumentInfo, pageRow, error) {
	q = numberArgs(q)
	rows, err := s.rdb.Query(q, args...)
	if err != nil {
		return nil, pageRow{}, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []annotate.DocumentInfo
	var last pageRow
	for rows.Next() {
		var d annotate.DocumentInfo
		var status string
		if err := rows.Scan(&last.seq, &d.ID, &d.Title, &status, &d.Source, &d.Length, &last.date, &d.SpanCount); err != nil {
			return nil, pageRow{}, err
		}
		last.title = d.Title
		d.Status, d.UpdatedAt = annotate.Status(status), parseTime(last.date)
		out = append(out, d)
	}
	return out, last, rows.Err()
}

// numberArgs numbers the plain ? placeholders of q from ?2 on, so that
// they can follow ?1 (the annotator).
func numberArgs(q string) string {
	var b strings.Builder
	n := 2
	for i := 0; i < len(q); i++ {
		if q[i] == '?' && (i+1 == len(q) || q[i+1] < '0' || q[i+1] > '9') {
			fmt.Fprintf(&b, "?%d", n)
			n++
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Count returns how many documents pass filter (see annotate.Pager): all
// of them from a count kept by triggers, at no cost; with a filter by
// counting the rows that pass it.
func (s *Store) Count(filter annotate.DocFilter) (int, error) {
	if filter.Status != "" && !filter.Status.Valid() {
		return 0, annotate.Errorf(annotate.EINVALID, "no status %q", filter.Status)
	}
	if filter == (annotate.DocFilter{}) {
		var n int
		if err := s.rdb.QueryRow(`SELECT n FROM document_total WHERE id = 1`).Scan(&n); err != nil {
			return 0, fmt.Errorf("count documents: %w", err)
		}
		return n, nil
	}
	where, args := filterSQL(filter)
	q := `SELECT count(*) FROM documents d`
	if filter.Status != "" {
		q += ` LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?1`
	} else {
		q += ` WHERE ?1 = ?1`
		if len(where) > 0 {
			q += " AND " + strings.Join(where, " AND ")
		}
		where = nil
	}
	q = numberArgs(q + whereSQL(where))
	var n int
	if err := s.rdb.QueryRow(q, append([]any{s.annotator}, args...)...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}
