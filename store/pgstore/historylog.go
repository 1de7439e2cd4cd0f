package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// History returns the edit log, newest first: the newest limit events, or
// all of them with limit <= 0. It is an audit trail of who did what when.
func (s *Store) History(limit int) ([]annotate.Event, error) {
	q, args := selectEventSQL+` ORDER BY seq DESC`, []any{}
	if limit > 0 {
		q += ` LIMIT $1`
		args = append(args, limit)
	}
	rows, err := s.pool.Query(context.Background(), q, args...)
	if err != nil {
		return nil, dbErr(s.url, fmt.Errorf("history: %w", err))
	}
	defer rows.Close()
	var out []annotate.Event
	for rows.Next() {
		e, _, err := scanEventRow(rows)
		if e == nil {
			return nil, err
		}
		if err != nil {
			e.Detail = err.Error()
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

// Pending returns the edits that Undo and Redo would take next for this
// annotator (nil when there is none).
func (s *Store) Pending() (undo, redo *annotate.Event, err error) {
	next := func(where string) (*annotate.Event, error) {
		e, _, err := scanEventRow(s.pool.QueryRow(context.Background(), selectEventSQL+` WHERE annotator = $1 AND action IN `+undoableActions+` AND `+where+` LIMIT 1`, s.annotator))
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, nil
		}
		return e, err
	}
	if undo, err = next(`undone = 0 ORDER BY seq DESC`); err != nil {
		return nil, nil, dbErr(s.url, err)
	}
	if redo, err = next(`undone = 1 ORDER BY seq ASC`); err != nil {
		return nil, nil, dbErr(s.url, err)
	}
	return undo, redo, nil
}

// scanEventRow reads one events row, as the SQLite store does: the span
// JSON of a span edit, undo or redo becomes Before and After (Spans for a
// batch), a label edit's labels LabelBefore and LabelAfter, any other
// action's text Detail. It also returns the row's raw after. When the row
// was read but its JSON is unreadable, the event comes with the error.
func scanEventRow(row pgx.Row) (*annotate.Event, string, error) {
	var e annotate.Event
	var at, before, after string
	var state int
	if err := row.Scan(&e.Seq, &at, &e.Annotator, &e.Action, &e.DocumentID, &e.SpanID, &before, &after, &state, &e.Ref); err != nil {
		return nil, "", err
	}
	e.At = parseTime(at)
	e.Undone = state == undone || state == undoneForGood
	bad := func(err error) (*annotate.Event, string, error) {
		return &e, after, annotate.Errorf(annotate.EINVALID, "edit log entry %d: %v", e.Seq, err)
	}
	if e.IsLabelEdit() {
		var b, a labelRecord
		if before != "" && json.Unmarshal([]byte(before), &b) != nil || after != "" && json.Unmarshal([]byte(after), &a) != nil {
			return bad(errors.New("unreadable label record"))
		}
		e.LabelBefore, e.LabelAfter, e.Spans, e.MoveTo = b.Label, a.Label, b.Spans, a.MoveTo
		if e.Action == annotate.ActionDeleteLabel && e.LabelBefore != nil {
			e.Detail = fmt.Sprintf("label %q, %s", e.LabelBefore.Name, annotate.Plural(len(b.Spans), "span"))
		}
		return &e, after, nil
	}
	if records.IsRelationRecord(before) || records.IsRelationRecord(after) {
		rec := before
		if rec == "" {
			rec = after
		}
		var err error
		if e.Relations, err = records.DecodeRecordRelations(rec); err != nil {
			return bad(err)
		}
		e.Detail = "relation " + e.Relations[0].ID
		return &e, after, nil
	}
	if !e.IsSpanEdit() && e.Action != annotate.ActionUndo && e.Action != annotate.ActionRedo {
		e.Detail = after
		return &e, after, nil
	}
	var err error
	if records.IsBatch(e.Action) || isList(before) || isList(after) {
		list := after
		if isList(before) {
			list = before
		}
		if e.Spans, err = records.DecodeSpans(list); err != nil {
			return bad(err)
		}
		if e.Action == annotate.ActionRelabelSpans {
			if e.Relabeled, err = records.DecodeSpans(after); err != nil || len(e.Relabeled) != len(e.Spans) {
				return bad(errors.New("unreadable relabelled spans"))
			}
		}
		e.Detail = annotate.Plural(len(e.Spans), "span")
		return &e, after, nil
	}
	if e.Before, err = records.DecodeSpan(before); err != nil {
		return bad(err)
	}
	if e.Action == annotate.ActionDeleteSpan {
		e.Relations, _ = records.DecodeRecordRelations(before)
	}
	if e.After, err = records.DecodeSpan(after); err != nil {
		return bad(err)
	}
	return &e, after, nil
}

// isList reports whether an events before or after holds a list of spans.
func isList(s string) bool { return len(s) > 0 && s[0] == '[' }
