package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// spanJSON is a span row r as the JSON the edit log keeps (that of
// annotate.Span, as encodeSpan writes it; times are stored in the format
// encoding/json gives them).
func spanJSON(r string) string {
	return `json_build_object('id', ` + r + `.id, 'document_id', ` + r + `.document_id, 'start', ` + r + `.start,
		'end', ` + r + `."end", 'label_id', ` + r + `.label_id, 'note', ` + r + `.note, 'annotator', ` + r + `.annotator,
		'group', ` + r + `.grp, 'attributes', CASE WHEN ` + r + `.attrs = '' THEN NULL ELSE ` + r + `.attrs::json END,
		'created_at', ` + r + `.created_at, 'updated_at', ` + r + `.updated_at)::text`
}

// updateSpanSQL changes a span and logs the edit in one statement (its own
// transaction: the span is locked while it runs, so the log's before is
// what the change replaced), only when the new range lies in the span's
// document, the label exists and the span's annotator has no other span
// with that range and label. It returns the span's document, none when
// nothing changed.
var updateSpanSQL = `WITH old AS (SELECT * FROM spans WHERE id = $8 FOR UPDATE),
	upd AS (UPDATE spans SET start = $1, "end" = $2, label_id = $3, note = $4, grp = $5, updated_at = $6, attrs = $7
		FROM old WHERE spans.id = old.id AND $1 >= 0 AND $1 < $2
		AND $2 <= (SELECT length FROM documents WHERE id = old.document_id)
		AND EXISTS (SELECT 1 FROM labels WHERE id = $3)
		AND NOT EXISTS (SELECT 1 FROM spans t WHERE t.document_id = old.document_id AND t.start = $1 AND t."end" = $2
			AND t.label_id = $3 AND t.annotator = old.annotator AND t.id <> old.id)
		RETURNING spans.*),
	cleared AS (UPDATE events SET undone = $11 WHERE undone = $12 AND annotator = $9 AND EXISTS (SELECT 1 FROM upd)),
	logged AS (INSERT INTO events(at, annotator, action, document_id, span_id, before, after)
		SELECT $10, $9, 'update-span', old.document_id, old.id, ` + spanJSON("old") + `, ` + spanJSON("upd") + `
		FROM old JOIN upd ON upd.id = old.id)
	SELECT document_id FROM upd`

// UpdateSpan saves a span's offsets, label, note and attributes (its
// document and annotator stay).
func (s *Store) UpdateSpan(sp *annotate.Span) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	for attempt := 0; ; attempt++ {
		stamp := now()
		var doc string
		err := s.pool.QueryRow(context.Background(), updateSpanSQL, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Group,
			stamp, records.EncodeAttrs(sp.Attributes), sp.ID, s.annotator, now(), undoneForGood, undone).Scan(&doc)
		if err == nil {
			sp.DocumentID, sp.UpdatedAt = doc, parseTime(stamp)
			return nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return dbErr(s.url, spanErr(err, sp))
		}
		// Nothing changed: say why.
		err = s.read(func(ctx context.Context, tx pgx.Tx) error { return whyNotUpdated(ctx, tx, sp) })
		if !errors.Is(err, errRace) || attempt == maxAttempts {
			return err
		}
	}
}

// whyNotUpdated says why the update of sp changed nothing: errRace when
// its checks pass now (a concurrent change made them fail).
func whyNotUpdated(ctx context.Context, tx pgx.Tx, sp *annotate.Span) error {
	old, err := scanSpan(tx.QueryRow(ctx, selectSpanSQL+` WHERE id = $1`, sp.ID))
	if errors.Is(err, pgx.ErrNoRows) {
		return annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", sp.ID)
	} else if err != nil {
		return err
	}
	sp.DocumentID = old.DocumentID
	check := *sp
	check.Annotator = old.Annotator // the layer the span stays in
	if err := checkSpan(ctx, tx, &check); err != nil {
		return err
	}
	return errRace
}

// deleteSpanSQL removes a span and logs the edit in one statement, when
// no structure is on it (else DeleteSpan takes DeleteSpanWithRelations).
var deleteSpanSQL = `WITH del AS (DELETE FROM spans WHERE id = $1 AND NOT (` + structureOn + `) RETURNING *),
	cleared AS (UPDATE events SET undone = $4 WHERE undone = $5 AND annotator = $2 AND EXISTS (SELECT 1 FROM del)),
	logged AS (INSERT INTO events(at, annotator, action, document_id, span_id, before)
		SELECT $3, $2, 'delete-span', del.document_id, del.id, ` + spanJSON("del") + ` FROM del)
	SELECT count(*) FROM del`

// DeleteSpan removes a span, with the structure on it (see
// DeleteSpanWithRelations).
func (s *Store) DeleteSpan(id string) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	var n int
	if err := s.pool.QueryRow(context.Background(), deleteSpanSQL, id, s.annotator, now(), undoneForGood, undone).Scan(&n); err != nil {
		return dbErr(s.url, err)
	}
	if n == 0 { // absent, or with structure on it
		_, err := s.DeleteSpanWithRelations(id)
		return err
	}
	return nil
}
