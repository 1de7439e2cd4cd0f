package store

import (
	"context"
	"fmt"
	"os"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// source is another project file read whole for a merge.
type source struct {
	path     string
	labels   []*annotate.Label
	docs     []*annotate.Document
	lengths  map[string]int // document ID -> length in code points
	spans    []*annotate.Span
	statuses []statusRow
}

// statusRow is one annotator's status of one document.
type statusRow struct {
	doc, annotator string
	status         annotate.Status
	at             string
}

// readSource opens another project read-only (so it is validated as a
// Gloss project and never written), reads it whole and checks that every
// document's text matches its hash and every span fits its document.
func (s *Store) readSource(ctx context.Context, path string) (*source, error) {
	if isProjectFile(s.path, path) {
		return nil, annotate.Errorf(annotate.EINVALID, "%s is this project: a project cannot be merged into itself", path)
	}
	src, err := Open(path, Options{ReadOnly: true, NoCreate: true, NoBackup: true, Annotator: s.annotator})
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	defer src.Close()
	out := &source{path: path, lengths: map[string]int{}}
	tx, err := src.rdb.Begin()
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	defer tx.Rollback()
	if out.labels, err = queryLabels(tx); err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	rows, err := tx.Query(selectDocumentSQL + ` ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("merge %s: %w", path, err)
		}
		if annotate.HashText(d.Text) != d.SHA256 {
			rows.Close()
			return nil, annotate.Errorf(annotate.EINVALID, "%s: document %s (%q): its text does not match its sha256; nothing was merged", path, d.ID, d.Title)
		}
		out.docs = append(out.docs, d)
		out.lengths[d.ID] = unitext.RuneLen(d.Text)
		if len(out.docs)%1024 == 0 && ctx.Err() != nil {
			rows.Close()
			return nil, ctx.Err()
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	if out.spans, err = readSourceSpans(ctx, tx, out); err != nil {
		return nil, err
	}
	srows, err := tx.Query(`SELECT document_id, annotator, status, updated_at FROM document_status ORDER BY document_id, annotator`)
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", path, err)
	}
	defer srows.Close()
	for srows.Next() {
		var r statusRow
		var st string
		if err := srows.Scan(&r.doc, &r.annotator, &st, &r.at); err != nil {
			return nil, fmt.Errorf("merge %s: %w", path, err)
		}
		r.status = annotate.Status(st)
		out.statuses = append(out.statuses, r)
	}
	return out, srows.Err()
}

// readSourceSpans reads every span of a source and checks it fits its document.
func readSourceSpans(ctx context.Context, tx queryer, src *source) ([]*annotate.Span, error) {
	rows, err := tx.Query(selectSpanSQL + ` ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", src.path, err)
	}
	defer rows.Close()
	var out []*annotate.Span
	for rows.Next() {
		sp, err := scanSpan(rows)
		if err != nil {
			return nil, fmt.Errorf("merge %s: %w", src.path, err)
		}
		n, ok := src.lengths[sp.DocumentID]
		if !ok {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: span %s: no document %s; nothing was merged", src.path, sp.ID, sp.DocumentID)
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: span %s does not fit document %s: %v; nothing was merged", src.path, sp.ID, sp.DocumentID, err)
		}
		out = append(out, sp)
		if len(out)%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return out, rows.Err()
}

// isProjectFile reports whether path names the existing project file at abs.
func isProjectFile(abs, path string) bool {
	ia, err1 := os.Stat(abs)
	ib, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}
