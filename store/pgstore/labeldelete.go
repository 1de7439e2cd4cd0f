package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// labelRecord is what the edit log keeps of a label edit, as JSON in
// events.before and events.after (the SQLite store's format).
type labelRecord struct {
	Label   *annotate.Label  `json:"label,omitempty"`
	Spans   []*annotate.Span `json:"spans,omitempty"`   // delete-label, before: the spans that carried it
	MoveTo  string           `json:"move_to,omitempty"` // delete-label, after: where they went
	Dropped []string         `json:"dropped,omitempty"` // delete-label, after: spans removed as duplicates there
	// delete-label, after: the relations and structure rows that went
	// with the dropped spans (absent in older records).
	Relations []*annotate.Relation `json:"relations,omitempty"`
	Removed   []records.RemovedRow `json:"removed,omitempty"`
}

func (r labelRecord) encode() string {
	if r.Label == nil && r.MoveTo == "" && len(r.Dropped) == 0 {
		return ""
	}
	b, _ := json.Marshal(r)
	return string(b)
}

// logLabelEdit records a label edit; like a span edit, it clears what this
// annotator could redo.
func (s *Store) logLabelEdit(ctx context.Context, tx pgx.Tx, action string, before, after labelRecord) error {
	if err := s.clearRedo(ctx, tx); err != nil {
		return err
	}
	return s.logEvent(ctx, tx, action, "", "", before.encode(), after.encode())
}

// DeleteLabel removes a label. Spans that carry it move to moveTo (a span
// that would duplicate one already there is dropped); with moveTo empty,
// deleting a label still in use is refused. The deletion is logged as one
// edit that Undo can revert, spans included.
func (s *Store) DeleteLabel(id, moveTo string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		l, err := findLabel(ctx, tx, id)
		if err != nil {
			return err
		}
		if l == nil {
			return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", id)
		}
		carried, err := querySpans(ctx, tx, selectSpanSQL+` WHERE label_id = $1 ORDER BY document_id, start FOR UPDATE`, id)
		if err != nil {
			return err
		}
		rec, err := deleteLabelCapturing(ctx, tx, l, moveTo, len(carried))
		if err != nil {
			return err
		}
		return s.logLabelEdit(ctx, tx, annotate.ActionDeleteLabel, labelRecord{Label: l, Spans: carried}, rec)
	})
}

// deleteLabelTx deletes label l, carried by used spans, moving them to
// moveTo, and returns the IDs of the spans dropped as duplicates there: a
// span whose annotator has a span of moveTo on the same range (another
// annotator's is another layer, and no duplicate).
func deleteLabelTx(ctx context.Context, tx pgx.Tx, l *annotate.Label, moveTo string, used int) (dropped []string, err error) {
	if used > 0 {
		switch {
		case moveTo == "":
			return nil, annotate.Errorf(annotate.ECONFLICT, "label %q is used by %s: choose a label to move them to", l.Name, annotate.Plural(used, "span"))
		case moveTo == l.ID:
			return nil, annotate.Errorf(annotate.EINVALID, "cannot move spans of %q to the label being deleted", l.Name)
		}
		if to, err := findLabel(ctx, tx, moveTo); err != nil {
			return nil, err
		} else if to == nil {
			return nil, annotate.Errorf(annotate.ENOTFOUND, "no label with id %s to move spans to", moveTo)
		}
		rows, err := tx.Query(ctx, `DELETE FROM spans s WHERE s.label_id = $1 AND EXISTS (SELECT 1 FROM spans t
			WHERE t.label_id = $2 AND t.document_id = s.document_id AND t.start = s.start AND t."end" = s."end"
			AND t.annotator = s.annotator)
			RETURNING s.id`, l.ID, moveTo)
		if err != nil {
			return nil, err
		}
		if dropped, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, `UPDATE spans SET label_id = $1, updated_at = $2 WHERE label_id = $3`, moveTo, now(), l.ID); err != nil {
			if isUnique(err) {
				return nil, annotate.Errorf(annotate.ECONFLICT, "moving the spans of %q would duplicate spans of the same annotator", l.Name)
			}
			return nil, err
		}
	}
	_, err = tx.Exec(ctx, `DELETE FROM labels WHERE id = $1`, l.ID)
	if isForeignKey(err) { // a span given this label meanwhile
		return nil, annotate.Errorf(annotate.ECONFLICT, "label %q was given to a span meanwhile: try again", l.Name)
	}
	return dropped, err
}

// stepLabel undoes or redoes a label edit inside tx, all or nothing. A
// non-empty reason says why it could not; the project is then unchanged.
func stepLabel(ctx context.Context, tx pgx.Tx, e *annotate.Event, after string, undo bool) (reason string, err error) {
	return savepoint(ctx, tx, func() (string, error) {
		switch {
		case e.Action == annotate.ActionUpdateLabel && undo:
			return updateLabelTo(ctx, tx, e.LabelAfter, e.LabelBefore)
		case e.Action == annotate.ActionUpdateLabel:
			return updateLabelTo(ctx, tx, e.LabelBefore, e.LabelAfter)
		case undo:
			return undeleteLabel(ctx, tx, e, after)
		}
		return redeleteLabel(ctx, tx, e)
	})
}

// savepoint runs fn and rolls back what it did when it fails or gives a reason.
func savepoint(ctx context.Context, tx pgx.Tx, fn func() (string, error)) (string, error) {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return "", err
	}
	reason, err := fn()
	if err != nil || reason != "" {
		if rerr := sp.Rollback(ctx); rerr != nil && err == nil {
			err = rerr
		}
		return reason, err
	}
	return "", sp.Commit(ctx)
}

func updateLabelTo(ctx context.Context, tx pgx.Tx, from, to *annotate.Label) (string, error) {
	if from == nil || to == nil {
		return "the edit log entry has no label", nil
	}
	cur, err := findLabel(ctx, tx, from.ID)
	switch {
	case err != nil:
		return "", err
	case cur == nil:
		return fmt.Sprintf("the label %q was deleted since", from.Name), nil
	case !records.SameLabel(cur, from):
		return fmt.Sprintf("the label %q was changed since", cur.Name), nil
	}
	if err := checkLabelUnique(ctx, tx, to); err != nil {
		return conflictReason(err)
	}
	return conflictReason(setLabel(ctx, tx, to))
}

// conflictReason turns a coded error into a reason and passes others on.
func conflictReason(err error) (string, error) {
	if annotate.ErrorCode(err) != "" {
		return err.Error(), nil
	}
	return "", err
}

// undeleteLabel puts a deleted label back and its spans on it again.
func undeleteLabel(ctx context.Context, tx pgx.Tx, e *annotate.Event, afterJSON string) (string, error) {
	l := e.LabelBefore
	if l == nil {
		return "the edit log entry has no label", nil
	}
	if cur, err := findLabel(ctx, tx, l.ID); err != nil || cur != nil {
		return fmt.Sprintf("the label %q is in the project again", l.Name), err
	}
	if err := checkLabelUnique(ctx, tx, l); err != nil {
		return conflictReason(err)
	}
	if err := putLabel(ctx, tx, l); err != nil {
		return conflictReason(err)
	}
	var after labelRecord
	if afterJSON != "" {
		if err := json.Unmarshal([]byte(afterJSON), &after); err != nil {
			return fmt.Sprintf("edit log entry %d is unreadable", e.Seq), nil
		}
	}
	dropped := map[string]bool{}
	for _, id := range after.Dropped {
		dropped[id] = true
	}
	for _, sp := range e.Spans {
		cur, err := findSpan(ctx, tx, sp.ID)
		if err != nil {
			return "", err
		}
		if dropped[sp.ID] {
			if cur != nil {
				return fmt.Sprintf("the span [%d, %d) is back in the project", sp.Start, sp.End), nil
			}
			if err := insertSpan(ctx, tx, sp); err != nil {
				return conflictReason(err)
			}
			continue
		}
		moved := *sp
		moved.LabelID = after.MoveTo
		if !records.SameState(cur, &moved) {
			return fmt.Sprintf("the span [%d, %d) was changed after the label %q was deleted", sp.Start, sp.End, l.Name), nil
		}
		if _, err := tx.Exec(ctx, `UPDATE spans SET label_id = $1, updated_at = $2 WHERE id = $3`, l.ID, fmtTime(sp.UpdatedAt), sp.ID); err != nil {
			if isUnique(err) {
				return fmt.Sprintf("the span [%d, %d) is in the project again with the label %q", sp.Start, sp.End, l.Name), nil
			}
			return "", err
		}
	}
	return restoreDropped(ctx, tx, after)
}

// redeleteLabel deletes the label again, moving its spans as the first time.
func redeleteLabel(ctx context.Context, tx pgx.Tx, e *annotate.Event) (string, error) {
	l := e.LabelBefore
	cur, err := findLabel(ctx, tx, l.ID)
	switch {
	case err != nil:
		return "", err
	case !records.SameLabel(cur, l):
		return fmt.Sprintf("the label %q was changed since", l.Name), nil
	}
	var used int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM spans WHERE label_id = $1`, l.ID).Scan(&used); err != nil {
		return "", err
	}
	rec, err := deleteLabelCapturing(ctx, tx, l, e.MoveTo, used)
	if err != nil {
		return conflictReason(err)
	}
	_, err = tx.Exec(ctx, `UPDATE events SET after = $1 WHERE seq = $2`, rec.encode(), e.Seq)
	return "", err
}
