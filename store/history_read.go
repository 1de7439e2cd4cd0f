package store

import (
	"encoding/json"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

// History returns the edit log, newest first: the newest limit events, or
// all of them with limit <= 0. It is an audit trail of who did what when:
// span edits (with the span before and after), undo and redo, imports,
// added and deleted documents, status changes.
func (s *Store) History(limit int) ([]annotate.Event, error) {
	q, args := selectEventSQL+` ORDER BY seq DESC`, []any{}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := s.rdb.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer rows.Close()
	var out []annotate.Event
	for rows.Next() {
		e, err := scanEvent(rows)
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

// scanEvent reads one events row. The span JSON of a span edit, undo or
// redo becomes Before and After; any other action's text becomes Detail.
// When the row was read but its span JSON is unreadable, scanEvent returns
// the event along with the error.
func scanEvent(row interface{ Scan(...any) error }) (*annotate.Event, error) {
	var e annotate.Event
	var at, before, after string
	var state int
	if err := row.Scan(&e.Seq, &at, &e.Annotator, &e.Action, &e.DocumentID, &e.SpanID, &before, &after, &state, &e.Ref); err != nil {
		return nil, err
	}
	e.At = parseTime(at)
	e.Undone = state == undone || state == undoneForGood
	if e.IsLabelEdit() {
		return &e, decodeLabelEvent(&e, before, after)
	}
	if isRelationRecord(before) || isRelationRecord(after) {
		rec := before
		if rec == "" {
			rec = after
		}
		var err error
		if e.Relations, err = decodeRecordRelations(rec); err != nil {
			return &e, annotate.Errorf(annotate.EINVALID, "edit log entry %d: %v", e.Seq, err)
		}
		e.Detail = "relation " + e.Relations[0].ID
		return &e, nil
	}
	if !e.IsSpanEdit() && e.Action != annotate.ActionUndo && e.Action != annotate.ActionRedo {
		e.Detail = after
		return &e, nil
	}
	var err error
	if records.IsBatch(e.Action) || isList(before) || isList(after) {
		list := after
		if isList(before) {
			list = before
		}
		if e.Spans, err = records.DecodeSpans(list); err != nil {
			return &e, annotate.Errorf(annotate.EINVALID, "edit log entry %d: %v", e.Seq, err)
		}
		if e.Action == annotate.ActionRelabelSpans {
			if e.Relabeled, err = records.DecodeSpans(after); err != nil || len(e.Relabeled) != len(e.Spans) {
				return &e, annotate.Errorf(annotate.EINVALID, "edit log entry %d: unreadable relabelled spans", e.Seq)
			}
		}
		e.Detail = batchDetail(e.Spans)
		return &e, nil
	}
	if e.Before, err = records.DecodeSpan(before); err != nil {
		return &e, annotate.Errorf(annotate.EINVALID, "edit log entry %d: %v", e.Seq, err)
	}
	if e.Action == annotate.ActionDeleteSpan {
		e.Relations, _ = decodeRecordRelations(before)
	}
	if e.After, err = records.DecodeSpan(after); err != nil {
		return &e, annotate.Errorf(annotate.EINVALID, "edit log entry %d: %v", e.Seq, err)
	}
	return &e, nil
}

// isList reports whether an events before or after holds a list of spans
// (a batch edit) rather than one span.
func isList(s string) bool { return len(s) > 0 && s[0] == '[' }

func encodeSpan(sp *annotate.Span) string {
	if sp == nil {
		return ""
	}
	b, _ := json.Marshal(sp)
	return string(b)
}
