package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/store/records"
)

// DeleteSpans removes many spans as one edit (action delete-spans in the
// edit log), which one Undo puts back whole and one Redo removes again. An
// unknown ID is an error naming it, and nothing is removed. An empty list
// records no edit. Like any span edit, it clears what this annotator could
// redo.
func (s *Store) DeleteSpans(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.write(func(tx *sql.Tx) error {
		old, err := spansByID(tx, ids)
		if err != nil {
			return err
		}
		extras, err := deleteSpansCapturing(tx, old, func() error {
			for _, sp := range old {
				if _, err := tx.Exec(`DELETE FROM spans WHERE id = ?`, sp.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return logBatch(tx, s.annotator, annotate.ActionDeleteSpans, old, records.EncodeSpans(old), extras.Encode())
	})
}

// RelabelSpans gives many spans the label labelID as one edit (action
// relabel-spans), which one Undo reverts whole. Spans already carrying
// labelID are left alone and not counted; when none changes no edit is
// recorded. An unknown span or label, or a span whose range already has
// labelID from the same annotator, is an error and nothing changes.
func (s *Store) RelabelSpans(ids []string, labelID string) (changed int, err error) {
	err = s.write(func(tx *sql.Tx) error {
		changed = 0
		old, err := spansByID(tx, ids)
		if err != nil {
			return err
		}
		var before, after []*annotate.Span
		stamp := now()
		for _, sp := range old {
			if sp.LabelID == labelID {
				continue
			}
			up := *sp
			up.LabelID, up.UpdatedAt = labelID, parseTime(stamp)
			if err := checkSpan(tx, &up); err != nil {
				return err
			}
			_, err := tx.Exec(`UPDATE spans SET label_id = ?, updated_at = ? WHERE id = ?`, labelID, stamp, sp.ID)
			if isUnique(err) {
				return annotate.Errorf(annotate.ECONFLICT, "span %s [%d, %d) of document %s: that range already has this label", sp.ID, sp.Start, sp.End, sp.DocumentID)
			}
			if err != nil {
				return err
			}
			before, after = append(before, sp), append(after, &up)
		}
		changed = len(after)
		if changed == 0 {
			return nil
		}
		return logBatch(tx, s.annotator, annotate.ActionRelabelSpans, after, records.EncodeSpans(before), records.EncodeSpans(after))
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}

// spansByID reads the spans with these IDs, in the order given; an
// unknown ID is an ENOTFOUND error naming it.
func spansByID(tx *sql.Tx, ids []string) ([]*annotate.Span, error) {
	out := make([]*annotate.Span, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		sp, err := getSpan(tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// logBatch records a batch span edit and, as for single span edits,
// clears what the annotator could redo.
func logBatch(tx *sql.Tx, annotator, action string, spans []*annotate.Span, before, after string) error {
	if _, err := tx.Exec(`UPDATE events SET undone = ? WHERE undone = ? AND annotator = ?`, undoneForGood, undone, annotator); err != nil {
		return err
	}
	return logEvent(tx, annotator, action, records.CommonDocument(spans), "", before, after)
}

// moveBatchStates takes every span of a batch from state from[i] to state to[i]:
// all or none. A non-empty reason says why not; the project is then
// unchanged.
func moveBatchStates(tx *sql.Tx, from, to []*annotate.Span) (reason string, err error) {
	if _, err := tx.Exec(`SAVEPOINT move_spans`); err != nil {
		return "", err
	}
	for i := range from {
		id := ""
		if from[i] != nil {
			id = from[i].ID
		} else {
			id = to[i].ID
		}
		if _, reason, err = moveSpan(tx, id, from[i], to[i]); err != nil || reason != "" {
			break
		}
	}
	if err != nil || reason != "" {
		if _, rerr := tx.Exec(`ROLLBACK TO move_spans`); rerr != nil && err == nil {
			err = rerr
		}
	}
	if _, rerr := tx.Exec(`RELEASE move_spans`); rerr != nil && err == nil {
		err = rerr
	}
	return reason, err
}
