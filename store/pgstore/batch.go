package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// AddSpans stores many new spans as one edit (add-spans), which one Undo
// removes whole: all or none on error. A span equal to one already present
// (same document, offsets, label and annotator) or to an earlier one of the
// list is skipped; added counts the others. A call that adds nothing
// records no edit.
func (s *Store) AddSpans(spans []*annotate.Span) (added int, err error) {
	stamp := now()
	for _, sp := range spans {
		s.fillSpan(sp, stamp)
	}
	err = s.write(func(ctx context.Context, tx pgx.Tx) error {
		added = 0
		if err := checkSpans(ctx, tx, spans); err != nil {
			return err
		}
		var stored []*annotate.Span
		for _, sp := range spans {
			tag, err := tx.Exec(ctx, insertSpanSQL+` ON CONFLICT DO NOTHING`, spanArgs(sp)...)
			if err != nil {
				return spanErr(err, sp)
			}
			if tag.RowsAffected() > 0 {
				stored = append(stored, sp)
			}
		}
		if added = len(stored); added == 0 {
			return nil
		}
		return s.logBatch(ctx, tx, annotate.ActionAddSpans, stored, "", records.EncodeSpans(stored))
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// checkSpans validates every span of a batch; the error names the span's
// place in the list.
func checkSpans(ctx context.Context, tx pgx.Tx, spans []*annotate.Span) error {
	lengths := map[string]int{}
	labels := map[string]bool{}
	for i, sp := range spans {
		n, ok := lengths[sp.DocumentID]
		if !ok {
			var err error
			if n, err = documentLength(ctx, tx, sp.DocumentID); err != nil {
				return annotate.Errorf(annotate.ErrorCode(err), "span %d of %d: %v", i+1, len(spans), err)
			}
			lengths[sp.DocumentID] = n
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return annotate.Errorf(annotate.EINVALID, "span %d of %d in document %s: %v", i+1, len(spans), sp.DocumentID, err)
		}
		if !labels[sp.LabelID] {
			if l, err := findLabel(ctx, tx, sp.LabelID); err != nil {
				return err
			} else if l == nil {
				return annotate.Errorf(annotate.ENOTFOUND, "span %d of %d: no label with id %s", i+1, len(spans), sp.LabelID)
			}
			labels[sp.LabelID] = true
		}
	}
	return nil
}

// DeleteSpans removes many spans as one edit (delete-spans), which one Undo
// puts back whole, with the structure on them (relations, events, notes,
// normalisations, equivalence memberships) that went with them. An unknown ID is an error naming it, and nothing is
// removed. An empty list records no edit.
func (s *Store) DeleteSpans(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		old, err := spansByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		ex, err := deleteSpansRecorded(ctx, tx, old, func() error {
			for _, sp := range old {
				if _, err := tx.Exec(ctx, `DELETE FROM spans WHERE id = $1`, sp.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return s.logBatch(ctx, tx, annotate.ActionDeleteSpans, old, records.EncodeSpans(old), ex.Encode())
	})
}

// RelabelSpans gives many spans the label labelID as one edit
// (relabel-spans), which one Undo reverts whole. Spans that already carry
// it are left alone and not counted; when none changes no edit is recorded.
func (s *Store) RelabelSpans(ids []string, labelID string) (changed int, err error) {
	err = s.write(func(ctx context.Context, tx pgx.Tx) error {
		changed = 0
		old, err := spansByID(ctx, tx, ids)
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
			if err := checkSpan(ctx, tx, &up); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE spans SET label_id = $1, updated_at = $2 WHERE id = $3`, labelID, stamp, sp.ID)
			if isUnique(err) {
				return annotate.Errorf(annotate.ECONFLICT, "span %s [%d, %d) of document %s: that range already has this label", sp.ID, sp.Start, sp.End, sp.DocumentID)
			}
			if err != nil {
				return spanErr(err, &up)
			}
			before, after = append(before, sp), append(after, &up)
		}
		if changed = len(after); changed == 0 {
			return nil
		}
		return s.logBatch(ctx, tx, annotate.ActionRelabelSpans, after, records.EncodeSpans(before), records.EncodeSpans(after))
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}

// spansByID reads (and locks) the spans with these IDs, in the order
// given; an unknown ID is an ENOTFOUND error naming it.
func spansByID(ctx context.Context, tx pgx.Tx, ids []string) ([]*annotate.Span, error) {
	out := make([]*annotate.Span, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		sp, err := getSpan(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// logBatch records a batch span edit and clears what the annotator could redo.
func (s *Store) logBatch(ctx context.Context, tx pgx.Tx, action string, spans []*annotate.Span, before, after string) error {
	if err := s.clearRedo(ctx, tx); err != nil {
		return err
	}
	return s.logEvent(ctx, tx, action, records.CommonDocument(spans), "", before, after)
}
