package pgstore

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// Import adds a batch of labels, documents and spans in one transaction:
// all of it, or nothing on error. Labels are matched by name without regard
// to case or Unicode form and created when missing; a document already
// present (same ID and text, or same title and text) is merged; exact
// duplicate spans are skipped and counted. The batch's structure (schema,
// relations, events, notes, equivalence sets, normalisations and document
// categories) is stored with it, as the SQLite store does.
func (s *Store) Import(b *annotate.Batch) (annotate.ImportResult, error) {
	var res annotate.ImportResult
	err := s.write(func(ctx context.Context, tx pgx.Tx) error {
		res = annotate.ImportResult{}
		labels, err := s.importLabels(ctx, tx, b, &res)
		if err != nil {
			return err
		}
		moved, err := s.importDocuments(ctx, tx, b.Documents, &res)
		if err != nil {
			return err
		}
		spanIDs, err := s.importSpans(ctx, tx, b.Spans, labels, moved, &res)
		if err != nil {
			return err
		}
		if err := importStructure(ctx, tx, b, spanIDs, moved, s.annotator, &res); err != nil {
			return err
		}
		if len(res.Notes) > 0 || res.Spans > 0 || res.Documents > 0 || res.Relations > 0 || res.Events > 0 {
			if err := s.clearRedo(ctx, tx); err != nil {
				return err
			}
		}
		return s.logEvent(ctx, tx, annotate.ActionImport, "", "", "", importDetail(res))
	})
	return res, err
}

// importLabels returns label IDs by key (annotate.LabelKey), adding the
// labels the batch names that the project lacks.
func (s *Store) importLabels(ctx context.Context, tx pgx.Tx, b *annotate.Batch, res *annotate.ImportResult) (map[string]string, error) {
	existing, err := queryLabels(ctx, tx)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	names := map[string]string{}
	for _, l := range existing {
		ids[annotate.LabelKey(l.Name)], names[annotate.LabelKey(l.Name)] = l.ID, l.Name
	}
	add := func(l annotate.Label) error {
		l.Name = annotate.NormalizeLabelName(l.Name)
		key := annotate.LabelKey(l.Name)
		if have, ok := names[key]; ok {
			if have != l.Name {
				res.Notes = append(res.Notes, fmt.Sprintf("label %q imported as the existing label %q (names that differ only in case or Unicode form are one label)", l.Name, have))
			}
			return nil
		}
		if l.ID != "" {
			if other, err := findLabel(ctx, tx, l.ID); err != nil {
				return err
			} else if other != nil {
				l.ID = ""
			}
		}
		if l.Hotkey != "" {
			if err := checkLabelUnique(ctx, tx, &l); annotate.ErrorCode(err) == annotate.ECONFLICT {
				res.Notes = append(res.Notes, fmt.Sprintf("label %q imported without its hotkey %s: %v", l.Name, l.Hotkey, err))
				l.Hotkey = ""
			}
		}
		if err := insertLabel(ctx, tx, &l); err != nil {
			return err
		}
		ids[key], names[key] = l.ID, l.Name
		res.Labels++
		return nil
	}
	for _, l := range b.Labels {
		if err := add(*l); err != nil {
			return nil, err
		}
	}
	for _, sp := range b.Spans {
		if err := add(annotate.Label{Name: sp.LabelName}); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// importDocuments adds the new documents and returns, for each batch
// document merged into one of another ID, that ID.
func (s *Store) importDocuments(ctx context.Context, tx pgx.Tx, docs []*annotate.Document, res *annotate.ImportResult) (map[string]string, error) {
	moved := map[string]string{}
	for _, d := range docs {
		var id, sha string
		err := tx.QueryRow(ctx, `SELECT id, sha256 FROM documents WHERE id = $1
			UNION ALL (SELECT id, sha256 FROM documents WHERE sha256 = $2 AND title = $3 ORDER BY seq LIMIT 1) LIMIT 1`,
			d.ID, d.SHA256, d.Title).Scan(&id, &sha)
		switch {
		case err == pgx.ErrNoRows:
			if err := s.insertDocument(ctx, tx, d); err != nil {
				return nil, err
			}
			res.Documents++
			continue
		case err != nil:
			return nil, err
		case id == d.ID && sha != d.SHA256:
			return nil, annotate.Errorf(annotate.ECONFLICT, "document %q: id %s is already in the project with a different text", d.Title, d.ID)
		case id != d.ID:
			moved[d.ID] = id
		}
		res.Merged++
	}
	return moved, nil
}

// importSpans stores the batch's spans and returns where each batch span
// ID now lives: its own ID, or that of the equal span already present.
func (s *Store) importSpans(ctx context.Context, tx pgx.Tx, spans []*annotate.BatchSpan, labels, moved map[string]string, res *annotate.ImportResult) (map[string]string, error) {
	ids := make(map[string]string, len(spans))
	lengths := map[string]int{}
	for _, bs := range spans {
		sp := bs.Span
		if id, ok := moved[sp.DocumentID]; ok {
			sp.DocumentID = id
		}
		n, ok := lengths[sp.DocumentID]
		if !ok {
			var err error
			if n, err = documentLength(ctx, tx, sp.DocumentID); err != nil {
				return nil, err
			}
			lengths[sp.DocumentID] = n
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "span %s in document %s: %v", sp.ID, sp.DocumentID, err)
		}
		batchID := sp.ID
		if sp.ID == "" {
			sp.ID = annotate.NewID()
		}
		if sp.Annotator == "" {
			sp.Annotator = s.annotator
		}
		sp.LabelID = labels[annotate.LabelKey(bs.LabelName)]
		tag, err := tx.Exec(ctx, insertSpanSQL+` ON CONFLICT DO NOTHING`, spanArgs(&sp)...)
		if err != nil {
			return nil, spanErr(err, &sp)
		}
		if tag.RowsAffected() > 0 {
			res.Spans++
		} else {
			res.Skipped++
			if err := tx.QueryRow(ctx, `SELECT id FROM spans WHERE id = $1 AND document_id = $2
				UNION ALL (SELECT id FROM spans WHERE document_id = $2 AND start = $3 AND "end" = $4 AND label_id = $5 AND annotator = $6 LIMIT 1)
				LIMIT 1`, sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Annotator).Scan(&sp.ID); err != nil {
				if errors.Is(err, pgx.ErrNoRows) {
					return nil, annotate.Errorf(annotate.ECONFLICT, "span %s in document %s: its id is taken by a span of another document", sp.ID, sp.DocumentID)
				}
				return nil, err
			}
		}
		if batchID != "" {
			ids[batchID] = sp.ID
		}
	}
	return ids, nil
}

// Stats counts documents by the store annotator's status (as Documents
// shows it) and the spans it can see by label, from one snapshot.
func (s *Store) Stats() (*annotate.Stats, error) {
	st := &annotate.Stats{ByStatus: map[annotate.Status]int{}}
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT coalesce(ds.status, 'todo'), count(*) FROM documents d
			LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = $1
			GROUP BY 1`, s.annotator)
		if err != nil {
			return err
		}
		var status string
		var n int
		_, err = pgx.ForEachRow(rows, []any{&status, &n}, func() error {
			st.ByStatus[annotate.Status(status)] = n
			st.Documents += n
			return nil
		})
		if err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT l.name, l.color, count(s.id) FROM labels l LEFT JOIN spans s ON s.label_id = l.id
			GROUP BY l.id ORDER BY l.ord, l.name`)
		if err != nil {
			return err
		}
		var c annotate.LabelCount
		_, err = pgx.ForEachRow(rows, []any{&c.Label, &c.Color, &c.Count}, func() error {
			st.ByLabel = append(st.ByLabel, c)
			st.Spans += c.Count
			return nil
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// EachDocument calls fn with every document (with the store's annotator's
// status, and its categories) and its spans of every annotator, in import
// order, from one snapshot, one document at a time, so that exporters
// stream.
func (s *Store) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	return s.eachDocument(s.annotator, false, fn)
}

// eachDocument is EachDocument with annotator's status, and with only
// annotator's spans when only is set (a Layer).
func (s *Store) eachDocument(annotator string, only bool, fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	layer := ""
	if only {
		layer = ` AND annotator = $2`
	}
	return s.read(func(ctx context.Context, tx pgx.Tx) error {
		var ids []string
		rows, err := tx.Query(ctx, `SELECT id FROM documents ORDER BY seq`)
		if err != nil {
			return err
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return err
		}
		for _, id := range ids {
			d, err := scanDocument(tx.QueryRow(ctx, selectDocumentSQL+` WHERE id = $1`, id))
			if err != nil {
				return err
			}
			if d.Status, err = statusOf(ctx, tx, id, annotator); err != nil {
				return err
			}
			if d.Categories, err = documentCategories(ctx, tx, id); err != nil {
				return err
			}
			args := []any{id}
			if only {
				args = append(args, annotator)
			}
			spans, err := querySpans(ctx, tx, selectSpanSQL+` WHERE document_id = $1`+layer+` ORDER BY start, "end" DESC, id`, args...)
			if err != nil {
				return err
			}
			n := utf8.RuneCountInString(d.Text)
			for _, sp := range spans {
				if err := checkStoredSpan(sp, n); err != nil {
					return err
				}
			}
			if err := fn(d, spans); err != nil {
				return err
			}
		}
		return nil
	})
}
