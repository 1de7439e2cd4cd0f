package store

import (
	"database/sql"
	"errors"
	"fmt"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/store/records"
)

var (
	_ annotate.Dumper = (*Store)(nil)
	_ annotate.Loader = (*Store)(nil)
)

// dumpPage is how many document IDs a dump reads at a time.
const dumpPage = 500

// Dump sends the whole project to w (see annotate.Dumper) from one read
// transaction: labels and schema, each document with its statuses, spans,
// structure and categories, then the edit log.
func (s *Store) Dump(w annotate.DumpWriter) error {
	tx, err := s.rdb.Begin()
	if err != nil {
		return storageErr(s.path, err)
	}
	defer tx.Rollback()
	if err := dumpTx(tx, w); err != nil {
		return storageErr(s.path, err)
	}
	return nil
}

func dumpTx(tx *sql.Tx, w annotate.DumpWriter) error {
	labels, err := queryLabels(tx)
	if err != nil {
		return err
	}
	schema, err := readStructureSchema(tx)
	if err != nil {
		return err
	}
	if err := w.Header(&annotate.DumpHeader{Labels: labels, Schema: schema}); err != nil {
		return err
	}
	for after := int64(-1); ; {
		ids, last, err := documentPage(tx, after)
		if err != nil || len(ids) == 0 {
			return dumpLog(tx, w, err)
		}
		after = last
		for _, id := range ids {
			d, err := dumpDocument(tx, id)
			if err != nil {
				return err
			}
			if err := w.Document(d); err != nil {
				return err
			}
		}
	}
}

// documentPage returns the IDs of the next documents after seq after.
func documentPage(tx *sql.Tx, after int64) (ids []string, last int64, err error) {
	rows, err := tx.Query(`SELECT seq, id FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, after, dumpPage)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&last, &id); err != nil {
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	return ids, last, rows.Err()
}

func dumpDocument(tx *sql.Tx, id string) (*annotate.DocumentDump, error) {
	doc, err := scanDocument(tx.QueryRow(selectDocumentSQL+` WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	if doc.Categories, err = documentCategories(tx, id); err != nil {
		return nil, err
	}
	d := &annotate.DocumentDump{Document: doc}
	rows, err := tx.Query(`SELECT annotator, status, updated_at FROM document_status WHERE document_id = ? ORDER BY annotator`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var st annotate.AnnotatorStatus
		var status, at string
		if err := rows.Scan(&st.Annotator, &status, &at); err != nil {
			rows.Close()
			return nil, err
		}
		st.Status, st.UpdatedAt = annotate.Status(status), parseTime(at)
		d.Statuses = append(d.Statuses, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if rows, err = tx.Query(selectSpanSQL+` WHERE document_id = ? ORDER BY seq`, id); err != nil {
		return nil, err
	}
	for rows.Next() {
		sp, err := scanSpan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		d.Spans = append(d.Spans, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	st, err := readDocStructure(tx, id)
	if err != nil {
		return nil, err
	}
	if st.Count() > 0 {
		d.Structure = st
	}
	if d.ArgPos, err = argPositions(tx, id); err != nil {
		return nil, err
	}
	return d, nil
}

// dumpLog sends the edit log in order, unless err already stopped the dump.
func dumpLog(tx *sql.Tx, w annotate.DumpWriter, err error) error {
	if err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT seq, at, annotator, action, document_id, span_id, before, after, undone, ref FROM events ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e annotate.LogEntry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Annotator, &e.Action, &e.DocumentID, &e.SpanID, &e.Before, &e.After, &e.State, &e.Ref); err != nil {
			return err
		}
		e.At = parseTime(at)
		if err := w.LogEntry(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Empty reports whether the project has no labels, documents or edits.
func (s *Store) Empty() (bool, error) {
	var n int
	err := s.rdb.QueryRow(`SELECT (SELECT count(*) FROM labels) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM events)
		+ (SELECT count(*) FROM relation_types) + (SELECT count(*) FROM attribute_defs) + (SELECT count(*) FROM category_sets)`).Scan(&n)
	return n == 0, storageErr(s.path, err)
}

// Load fills this empty project with what src dumps, in one write
// transaction (see annotate.Loader): labels, documents with their
// statuses, spans and structure, and the edit log, all with their IDs.
// The copied documents are left to BuildIndex for the full-text index.
func (s *Store) Load(src annotate.Dumper) error {
	empty, err := s.Empty()
	if err != nil {
		return err
	}
	if !empty {
		return annotate.Errorf(annotate.ECONFLICT, "%s is not empty (it has labels, documents or edits): a project is copied only into a new file or an empty project; it was not changed", s.path)
	}
	return s.write(func(tx *sql.Tx) error {
		// Leave the full-text index of what is copied to BuildIndex, as a
		// bulk import does (searches read the documents meanwhile).
		if err := deferIndex(tx, deferDocs, 0); err != nil {
			return err
		}
		l := &fileLoader{tx: tx}
		err := src.Dump(l)
		for _, st := range []*sql.Stmt{l.stmt, l.spanStmt} {
			if st != nil {
				st.Close()
			}
		}
		if l.err != nil { // the target's own error, not the source's account of it
			return l.err
		}
		if err != nil {
			return err
		}
		return l.finish()
	})
}

// fileLoader writes a dump into a project file inside one transaction.
type fileLoader struct {
	tx       *sql.Tx
	stmt     *sql.Stmt // insertDocumentSQL
	spanStmt *sql.Stmt // insertSpanSQL
	// redoable holds the log entries that are undone and can be redone:
	// the events_clear_redo trigger marks them replaced as later edits are
	// inserted, and finish puts them back.
	redoable []int64
	err      error // the first error writing to this project
}

// fail remembers the first error writing to the project and returns it.
func (l *fileLoader) fail(err error) error {
	if err != nil && l.err == nil {
		l.err = err
	}
	return err
}

// Header, Document and LogEntry write what the dump sends (DumpWriter).
func (l *fileLoader) Header(h *annotate.DumpHeader) error { return l.fail(l.header(h)) }

func (l *fileLoader) Document(d *annotate.DocumentDump) error { return l.fail(l.document(d)) }

func (l *fileLoader) LogEntry(e *annotate.LogEntry) error { return l.fail(l.logEntry(e)) }

func (l *fileLoader) header(h *annotate.DumpHeader) error {
	for _, lb := range h.Labels {
		if err := lb.Validate(); err != nil {
			return err
		}
		if _, err := l.tx.Exec(`INSERT INTO labels(id, name, color, hotkey, description, ord) VALUES (?, ?, ?, ?, ?, ?)`,
			lb.ID, lb.Name, lb.Color, lb.Hotkey, lb.Description, lb.Order); err != nil {
			return fmt.Errorf("label %q: %w", lb.Name, err)
		}
	}
	return loadSchema(l.tx, h.Schema)
}

func (l *fileLoader) document(d *annotate.DocumentDump) error {
	if d.Document == nil {
		return errors.New("a document without its text")
	}
	if l.stmt == nil {
		var err error
		if l.stmt, err = l.tx.Prepare(insertDocumentSQL); err != nil {
			return err
		}
	}
	n := unitext.RuneLen(d.Document.Text)
	if _, err := insertDocumentLen(l.stmt, d.Document, n); err != nil {
		return err
	}
	for _, st := range d.Statuses {
		if err := putStatus(l.tx, d.Document.ID, st.Annotator, st.Status, fmtTime(st.UpdatedAt)); err != nil {
			return fmt.Errorf("document %s: status of %q: %w", d.Document.ID, st.Annotator, err)
		}
	}
	for _, sp := range d.Spans {
		if sp.DocumentID != d.Document.ID {
			return annotate.Errorf(annotate.EINVALID, "span %s belongs to document %s, not %s", sp.ID, sp.DocumentID, d.Document.ID)
		}
		if sp.Start < 0 || sp.End <= sp.Start || sp.End > n {
			return annotate.Errorf(annotate.EINVALID, "span %s [%d, %d) does not fit document %s of %d code points", sp.ID, sp.Start, sp.End, sp.DocumentID, n)
		}
		if l.spanStmt == nil {
			var err error
			if l.spanStmt, err = l.tx.Prepare(insertSpanSQL); err != nil {
				return err
			}
		}
		if _, err := l.spanStmt.Exec(sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Annotator, sp.Group,
			fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes)); err != nil {
			if isUnique(err) {
				err = annotate.Errorf(annotate.ECONFLICT, "[%d, %d) is there twice with the same label and annotator", sp.Start, sp.End)
			}
			return fmt.Errorf("span %s: %w", sp.ID, err)
		}
	}
	return loadDocStructure(l.tx, d)
}

func (l *fileLoader) logEntry(e *annotate.LogEntry) error {
	if e.State < annotate.LogInEffect || e.State > annotate.LogSkipped {
		return annotate.Errorf(annotate.EINVALID, "edit log entry %d: unknown state %d", e.Seq, e.State)
	}
	_, err := l.tx.Exec(`INSERT INTO events(seq, at, annotator, action, document_id, span_id, before, after, undone, ref)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, fmtTime(e.At), e.Annotator, e.Action, e.DocumentID, e.SpanID, e.Before, e.After, e.State, e.Ref)
	if err != nil {
		return fmt.Errorf("edit log entry %d: %w", e.Seq, err)
	}
	if e.State == annotate.LogUndone {
		l.redoable = append(l.redoable, e.Seq)
	}
	return nil
}

// finish restores the states the events_clear_redo trigger changed.
func (l *fileLoader) finish() error {
	for _, seq := range l.redoable {
		if _, err := l.tx.Exec(`UPDATE events SET undone = ? WHERE seq = ?`, undone, seq); err != nil {
			return err
		}
	}
	return nil
}
