package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
)

// Label edits (a change of name, colour, hotkey or description, and a
// deletion with its spans moved to another label) are logged like span
// edits, so that Undo and Redo take them in turn with the span edits.

// undoableActions are the logged edits that Undo and Redo act on.
const undoableActions = `('add-span', 'update-span', 'delete-span', 'add-spans', 'delete-spans', 'relabel-spans', 'add-relation', 'delete-relation', 'update-label', 'delete-label')`

// labelRecord is what the edit log keeps of a label edit, as JSON in
// events.before and events.after.
type labelRecord struct {
	Label   *annotate.Label  `json:"label,omitempty"`
	Spans   []*annotate.Span `json:"spans,omitempty"`   // delete-label, before: the spans that carried it
	MoveTo  string           `json:"move_to,omitempty"` // delete-label, after: where they went
	Dropped []string         `json:"dropped,omitempty"` // delete-label, after: spans removed as duplicates there
	// delete-label, after: the relations and structure rows that went
	// with the dropped spans (absent in older records).
	Relations []*annotate.Relation `json:"relations,omitempty"`
	Removed   []removedRow         `json:"removed,omitempty"`
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
func (s *Store) logLabelEdit(tx *sql.Tx, action string, before, after labelRecord) error {
	if _, err := tx.Exec(`UPDATE events SET undone = ? WHERE undone = ? AND annotator = ?`, undoneForGood, undone, s.annotator); err != nil {
		return err
	}
	return logEvent(tx, s.annotator, action, "", "", before.encode(), after.encode())
}

// decodeLabelEvent fills in a label edit's labels and spans from its row.
func decodeLabelEvent(e *annotate.Event, before, after string) error {
	var b, a labelRecord
	for _, p := range []struct {
		s string
		r *labelRecord
	}{{before, &b}, {after, &a}} {
		if p.s == "" {
			continue
		}
		if err := json.Unmarshal([]byte(p.s), p.r); err != nil {
			return annotate.Errorf(annotate.EINVALID, "edit log entry %d: unreadable label record: %v", e.Seq, err)
		}
	}
	e.LabelBefore, e.LabelAfter, e.Spans, e.MoveTo = b.Label, a.Label, b.Spans, a.MoveTo
	if e.Action == annotate.ActionDeleteLabel && e.LabelBefore != nil {
		e.Detail = fmt.Sprintf("label %q, %s", e.LabelBefore.Name, annotate.Plural(len(b.Spans), "span"))
	}
	return nil
}

// findLabel returns the label with this ID, or nil when there is none.
func findLabel(q queryer, id string) (*annotate.Label, error) {
	var l annotate.Label
	err := q.QueryRow(`SELECT id, name, color, hotkey, description, ord FROM labels WHERE id = ?`, id).
		Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey, &l.Description, &l.Order)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &l, err
}

// stepLabel undoes or redoes a label edit inside tx, all or nothing. A
// non-empty reason says why it could not; the project is then unchanged.
func stepLabel(tx *sql.Tx, e *annotate.Event, undo bool) (reason string, err error) {
	if _, err := tx.Exec(`SAVEPOINT step_label`); err != nil {
		return "", err
	}
	if e.Action == annotate.ActionUpdateLabel {
		from, to := e.LabelBefore, e.LabelAfter
		if undo {
			from, to = to, from
		}
		reason, err = updateLabelTo(tx, from, to)
	} else if undo {
		reason, err = undeleteLabel(tx, e)
	} else {
		reason, err = redeleteLabel(tx, e)
	}
	if err != nil || reason != "" {
		if _, rerr := tx.Exec(`ROLLBACK TO step_label`); rerr != nil && err == nil {
			err = rerr
		}
	}
	if _, rerr := tx.Exec(`RELEASE step_label`); rerr != nil && err == nil {
		err = rerr
	}
	return reason, err
}

// updateLabelTo takes a label from state from to state to.
func updateLabelTo(tx *sql.Tx, from, to *annotate.Label) (string, error) {
	if from == nil || to == nil {
		return "the edit log entry has no label", nil
	}
	cur, err := findLabel(tx, from.ID)
	switch {
	case err != nil:
		return "", err
	case cur == nil:
		return fmt.Sprintf("the label %q was deleted since", from.Name), nil
	case !records.SameLabel(cur, from):
		return fmt.Sprintf("the label %q was changed since", cur.Name), nil
	}
	if err := checkLabelUnique(tx, to); err != nil {
		return conflictReason(err)
	}
	_, err = tx.Exec(`UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ? WHERE id = ?`,
		to.Name, strings.ToUpper(to.Color), to.Hotkey, to.Description, to.ID)
	return "", err
}

// conflictReason turns a coded error into a reason and passes others on.
func conflictReason(err error) (string, error) {
	if annotate.ErrorCode(err) != "" {
		return err.Error(), nil
	}
	return "", err
}

// undeleteLabel puts a deleted label back and its spans on it again.
func undeleteLabel(tx *sql.Tx, e *annotate.Event) (string, error) {
	l := e.LabelBefore
	if l == nil {
		return "the edit log entry has no label", nil
	}
	if cur, err := findLabel(tx, l.ID); err != nil || cur != nil {
		return fmt.Sprintf("the label %q is in the project again", l.Name), err
	}
	if err := checkLabelUnique(tx, l); err != nil {
		return conflictReason(err)
	}
	if _, err := tx.Exec(`INSERT INTO labels(id, name, color, hotkey, description, ord) VALUES (?, ?, ?, ?, ?, ?)`,
		l.ID, l.Name, strings.ToUpper(l.Color), l.Hotkey, l.Description, l.Order); err != nil {
		return "", err
	}
	var after labelRecord
	if err := readAfter(tx, e.Seq, &after); err != nil {
		return "", err
	}
	dropped := map[string]bool{}
	for _, id := range after.Dropped {
		dropped[id] = true
	}
	for _, sp := range e.Spans {
		cur, err := findSpan(tx, sp.ID)
		if err != nil {
			return "", err
		}
		if dropped[sp.ID] {
			if cur != nil {
				return fmt.Sprintf("the span [%d, %d) is back in the project", sp.Start, sp.End), nil
			}
			if err := insertSpan(tx, sp); err != nil {
				return conflictReason(err)
			}
			continue
		}
		moved := *sp
		moved.LabelID = after.MoveTo
		if !records.SameState(cur, &moved) {
			return fmt.Sprintf("the span [%d, %d) was changed after the label %q was deleted", sp.Start, sp.End, l.Name), nil
		}
		if _, err := tx.Exec(`UPDATE spans SET label_id = ?, updated_at = ? WHERE id = ?`, l.ID, fmtTime(sp.UpdatedAt), sp.ID); err != nil {
			if isUnique(err) {
				return fmt.Sprintf("the span [%d, %d) is in the project again with the label %q", sp.Start, sp.End, l.Name), nil
			}
			return "", err
		}
	}
	return restoreDropped(tx, e.Spans, after)
}

// redeleteLabel deletes the label again, moving its spans as the first time.
func redeleteLabel(tx *sql.Tx, e *annotate.Event) (string, error) {
	l := e.LabelBefore
	cur, err := findLabel(tx, l.ID)
	switch {
	case err != nil:
		return "", err
	case !records.SameLabel(cur, l):
		return fmt.Sprintf("the label %q was changed since", l.Name), nil
	}
	rec, err := deleteLabelCapturing(tx, l.ID, e.MoveTo, e.Spans)
	if err != nil {
		return conflictReason(err)
	}
	_, err = tx.Exec(`UPDATE events SET after = ? WHERE seq = ?`, rec.encode(), e.Seq)
	return "", err
}

// readAfter reads the after record of the label edit seq.
func readAfter(tx *sql.Tx, seq int64, r *labelRecord) error {
	var after string
	if err := tx.QueryRow(`SELECT after FROM events WHERE seq = ?`, seq).Scan(&after); err != nil || after == "" {
		return err
	}
	return json.Unmarshal([]byte(after), r)
}

// staleReason says why a span is not as an edit left it (from), from what
// the project holds now: its document or label is gone, or the last edit
// of the span in the log (whose, and what) changed it.
func staleReason(tx *sql.Tx, id string, from, cur *annotate.Span) (string, error) {
	ref := from
	if ref == nil {
		ref = cur
	}
	var docs, labels int
	if err := tx.QueryRow(`SELECT count(*) FROM documents WHERE id = ?`, ref.DocumentID).Scan(&docs); err != nil {
		return "", err
	}
	if docs == 0 {
		return fmt.Sprintf("the document of the span [%d, %d) was deleted", ref.Start, ref.End), nil
	}
	if from != nil {
		if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, from.LabelID).Scan(&labels); err != nil {
			return "", err
		}
		if labels == 0 {
			return fmt.Sprintf("the label of the span [%d, %d) was deleted", ref.Start, ref.End), nil
		}
	}
	var who, action string
	err := tx.QueryRow(`SELECT annotator, action FROM events WHERE span_id = ? ORDER BY seq DESC LIMIT 1`, id).Scan(&who, &action)
	what := "changed"
	if cur == nil {
		what = "deleted"
	} else if from == nil {
		what = "added again"
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Sprintf("the span [%d, %d) was %s since, outside the edit log", ref.Start, ref.End, what), nil
	case err != nil:
		return "", err
	}
	return fmt.Sprintf("the span [%d, %d) was %s since by %s (%s)", ref.Start, ref.End, what, who, action), nil
}
