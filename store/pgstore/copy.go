package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

var (
	_ annotate.Dumper = (*Store)(nil)
	_ annotate.Loader = (*Store)(nil)
)

// Dump sends the whole project to w (see annotate.Dumper) from one
// read-only snapshot: labels and schema, each document with its statuses,
// spans, categories and structure, then the edit log.
func (s *Store) Dump(w annotate.DumpWriter) error {
	return s.read(func(ctx context.Context, tx pgx.Tx) error {
		labels, err := queryLabels(ctx, tx)
		if err != nil {
			return err
		}
		schema, err := readSchema(ctx, tx)
		if err != nil {
			return err
		}
		if err := w.Header(&annotate.DumpHeader{Labels: labels, Schema: schema}); err != nil {
			return err
		}
		for after := int64(-1); ; {
			rows, err := tx.Query(ctx, `SELECT seq, id FROM documents WHERE seq > $1 ORDER BY seq LIMIT 500`, after)
			if err != nil {
				return err
			}
			type page struct {
				Seq int64
				ID  string
			}
			ids, err := pgx.CollectRows(rows, pgx.RowToStructByPos[page])
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				break
			}
			after = ids[len(ids)-1].Seq
			for _, p := range ids {
				d, err := dumpDocument(ctx, tx, p.ID)
				if err != nil {
					return err
				}
				if err := w.Document(d); err != nil {
					return err
				}
			}
		}
		return dumpLog(ctx, tx, w)
	})
}

func dumpDocument(ctx context.Context, tx pgx.Tx, id string) (*annotate.DocumentDump, error) {
	doc, err := scanDocument(tx.QueryRow(ctx, selectDocumentSQL+` WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	d := &annotate.DocumentDump{Document: doc}
	rows, err := tx.Query(ctx, `SELECT annotator, status, updated_at FROM document_status WHERE document_id = $1 ORDER BY annotator`, id)
	if err != nil {
		return nil, err
	}
	d.Statuses, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (annotate.AnnotatorStatus, error) {
		var st annotate.AnnotatorStatus
		var status, at string
		err := row.Scan(&st.Annotator, &status, &at)
		st.Status, st.UpdatedAt = annotate.Status(status), parseTime(at)
		return st, err
	})
	if err != nil {
		return nil, err
	}
	if d.Spans, err = querySpans(ctx, tx, selectSpanSQL+` WHERE document_id = $1 ORDER BY seq`, id); err != nil {
		return nil, err
	}
	return d, dumpDocStructure(ctx, tx, d)
}

func dumpLog(ctx context.Context, tx pgx.Tx, w annotate.DumpWriter) error {
	rows, err := tx.Query(ctx, `SELECT seq, at, annotator, action, document_id, span_id, before, after, undone, ref FROM events ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e annotate.LogEntry
		var at string
		var state int16
		if err := rows.Scan(&e.Seq, &at, &e.Annotator, &e.Action, &e.DocumentID, &e.SpanID, &e.Before, &e.After, &state, &e.Ref); err != nil {
			return err
		}
		e.At, e.State = parseTime(at), int(state)
		if err := w.LogEntry(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// countAllSQL counts labels, documents, edits and schema definitions.
const countAllSQL = `SELECT (SELECT count(*) FROM labels) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM events)
	+ (SELECT count(*) FROM relation_types) + (SELECT count(*) FROM attribute_defs) + (SELECT count(*) FROM category_sets)`

// Empty reports whether the project has no labels, documents, edits or
// schema definitions.
func (s *Store) Empty() (bool, error) {
	var n int64
	err := s.pool.QueryRow(context.Background(), countAllSQL).Scan(&n)
	return n == 0, dbErr(s.url, err)
}

// Load fills this empty project with what src dumps, in one transaction
// (see annotate.Loader): labels and schema, documents with their statuses,
// spans, categories and structure, and the edit log, all with their IDs.
func (s *Store) Load(src annotate.Dumper) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	ctx := context.Background()
	l := &serverLoader{ctx: ctx, url: s.url}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		l.tx = tx
		if _, err := tx.Exec(ctx, `LOCK TABLE labels, documents, events, relation_types, attribute_defs, category_sets IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRow(ctx, countAllSQL).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return annotate.Errorf(annotate.ECONFLICT, "%s is not empty (it has labels, documents or edits): a project is copied only into an empty database or project; it was not changed", s.url)
		}
		if err := src.Dump(l); err != nil {
			return err
		}
		if l.lastSeq > 0 {
			_, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('events', 'seq'), $1)`, l.lastSeq)
			return err
		}
		return nil
	})
	if l.err != nil { // the target's own error, not the source's account of it
		return dbErr(s.url, l.err)
	}
	return dbErr(s.url, err)
}

// serverLoader writes a dump into a server project inside one transaction.
type serverLoader struct {
	ctx     context.Context
	tx      pgx.Tx
	url     string
	lastSeq int64
	err     error // the first error writing to this project
}

func (l *serverLoader) fail(err error) error {
	if err != nil && l.err == nil {
		l.err = err
	}
	return err
}

func (l *serverLoader) Header(h *annotate.DumpHeader) error {
	for _, lb := range h.Labels {
		if err := lb.Validate(); err != nil {
			return l.fail(err)
		}
		_, err := l.tx.Exec(l.ctx, `INSERT INTO labels(id, name, key, color, hotkey, description, ord) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			lb.ID, lb.Name, annotate.LabelKey(lb.Name), lb.Color, lb.Hotkey, lb.Description, lb.Order)
		if err != nil {
			return l.fail(fmt.Errorf("label %q: %w", lb.Name, err))
		}
	}
	return l.fail(loadSchema(l.ctx, l.tx, h.Schema))
}

func (l *serverLoader) Document(d *annotate.DocumentDump) error {
	doc := d.Document
	switch {
	case doc == nil:
		return l.fail(errors.New("a document without its text"))
	}
	if err := doc.Validate(); err != nil {
		return l.fail(err)
	}
	mdj := []byte("{}")
	if len(doc.Metadata) > 0 {
		var err error
		if mdj, err = json.Marshal(doc.Metadata); err != nil {
			return l.fail(annotate.Errorf(annotate.EINVALID, "document %s: metadata: %v", doc.ID, err))
		}
	}
	n := utf8.RuneCountInString(doc.Text)
	_, err := l.tx.Exec(l.ctx, `INSERT INTO documents(id, title, text, sha256, source, status, metadata, length, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, doc.ID, doc.Title, doc.Text, doc.SHA256, doc.Source, string(doc.Status), string(mdj),
		n, fmtTime(doc.CreatedAt), fmtTime(doc.UpdatedAt))
	if err != nil {
		return l.fail(fmt.Errorf("document %s: %w", doc.ID, err))
	}
	for _, st := range d.Statuses {
		if err := putStatus(l.ctx, l.tx, doc.ID, st.Annotator, st.Status, fmtTime(st.UpdatedAt)); err != nil {
			return l.fail(fmt.Errorf("document %s: status of %q: %w", doc.ID, st.Annotator, err))
		}
	}
	// The spans go in one round trip to the server.
	var batch pgx.Batch
	for _, sp := range d.Spans {
		if sp.DocumentID != doc.ID {
			return l.fail(annotate.Errorf(annotate.EINVALID, "span %s belongs to document %s, not %s", sp.ID, sp.DocumentID, doc.ID))
		}
		if sp.Start < 0 || sp.End <= sp.Start || sp.End > n {
			return l.fail(annotate.Errorf(annotate.EINVALID, "span %s [%d, %d) does not fit document %s of %d code points", sp.ID, sp.Start, sp.End, sp.DocumentID, n))
		}
		batch.Queue(insertSpanSQL, spanArgs(sp)...)
	}
	if len(d.Spans) > 0 {
		br := l.tx.SendBatch(l.ctx, &batch)
		for _, sp := range d.Spans {
			if _, err := br.Exec(); err != nil {
				br.Close()
				return l.fail(fmt.Errorf("span %s: %w", sp.ID, spanErr(err, sp)))
			}
		}
		if err := br.Close(); err != nil {
			return l.fail(err)
		}
	}
	return l.fail(loadDocStructure(l.ctx, l.tx, d))
}

func (l *serverLoader) LogEntry(e *annotate.LogEntry) error {
	if e.State < annotate.LogInEffect || e.State > annotate.LogSkipped {
		return l.fail(annotate.Errorf(annotate.EINVALID, "edit log entry %d: unknown state %d", e.Seq, e.State))
	}
	_, err := l.tx.Exec(l.ctx, `INSERT INTO events(seq, at, annotator, action, document_id, span_id, before, after, undone, ref)
		OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		e.Seq, fmtTime(e.At), e.Annotator, e.Action, e.DocumentID, e.SpanID, e.Before, e.After, e.State, e.Ref)
	if err != nil {
		return l.fail(fmt.Errorf("edit log entry %d: %w", e.Seq, err))
	}
	l.lastSeq = max(l.lastSeq, e.Seq)
	return nil
}

// InitFrom creates a project in an empty database, as Init does, and fills
// it with what src dumps (see Load). When the copy fails, what Init created
// is removed again, so that the database is left empty as it was.
func InitFrom(ctx context.Context, rawURL string, opts Options, src annotate.Dumper) (*Store, error) {
	s, err := Init(ctx, rawURL, opts)
	if err != nil {
		return nil, err
	}
	if err := s.Load(src); err != nil {
		if derr := s.dropCreated(ctx); derr != nil {
			err = fmt.Errorf("%w; removing the new project's tables also failed (%v): drop them by hand", err, derr)
		}
		s.Close()
		return nil, err
	}
	return s, nil
}

// dropCreated removes the tables and functions of a project that Init made
// in a database that was empty before, leaving it empty again.
func (s *Store) dropCreated(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE', n.nspname, c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
			UNION ALL
			SELECT format('DROP FUNCTION IF EXISTS %I.%I(%s) CASCADE', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE p.proname LIKE 'gloss%' AND n.nspname NOT IN ('pg_catalog', 'information_schema')`)
		if err != nil {
			return err
		}
		stmts, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		for _, q := range stmts {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}
