package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
)

// Tally counts what a merge added and what it found already present.
type Tally struct {
	Added   int
	Matched int
}

// MergeResult says what merging one project file did.
type MergeResult struct {
	File      string // the merged file, as given
	Documents Tally  // matched by the SHA-256 of their text
	Labels    Tally  // matched by name, case-insensitively
	// Spans by annotator (after the annotator map). A span is matched when
	// this project has the same span ID with the same content, or the same
	// document, offsets, label and annotator.
	Spans map[string]Tally
	// Statuses: Added counts the statuses set or replaced (the newer one
	// wins), Matched those already the same or newer here.
	Statuses Tally
	// Renamed lists the span IDs that this project already uses for a
	// different span: those spans were added under a new ID.
	Renamed []string
}

// Merge brings another Gloss project file into this one in one
// transaction; see MergeAll.
func (s *Store) Merge(ctx context.Context, other string, annotatorMap map[string]string) (MergeResult, error) {
	res, err := s.MergeAll(ctx, []string{other}, annotatorMap)
	if err != nil {
		return MergeResult{}, err
	}
	return res[0], nil
}

// MergeAll brings other coders' project files into this one, all in one
// transaction: everything, or nothing on error. Each file is opened
// read-only and never changed. Documents are matched by the SHA-256 of
// their text and added when missing (with their title, source and
// metadata); labels are matched by name, case-insensitively, and added
// when missing (this project's colours are kept); spans are added with
// their annotator (renamed by annotatorMap, OLD -> NEW) and their ID, and
// with them each annotator's document status (the newer wins). Merging the
// same file again adds nothing. A file that is not a Gloss project, a
// document whose text does not match its hash, or a span that does not fit
// its document is refused naming the file (and the span), and nothing is
// merged. The other files' edit logs are not copied; one "merge" entry is
// logged here.
func (s *Store) MergeAll(ctx context.Context, others []string, annotatorMap map[string]string) ([]MergeResult, error) {
	srcs := make([]*source, len(others))
	for i, o := range others {
		src, err := s.readSource(ctx, o)
		if err != nil {
			return nil, err
		}
		srcs[i] = src
	}
	var out []MergeResult
	err := s.write(func(tx *sql.Tx) error {
		out = out[:0]
		var parts []string
		for _, src := range srcs {
			r, err := s.mergeSource(ctx, tx, src, annotatorMap)
			if err != nil {
				return err
			}
			out = append(out, r)
			parts = append(parts, r.summary())
		}
		return logEvent(tx, s.annotator, annotate.ActionMerge, "", "", "", strings.Join(parts, "; "))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// summary is a one-line account for the edit log.
func (r MergeResult) summary() string {
	var spans Tally
	for _, t := range r.Spans {
		spans.Added += t.Added
		spans.Matched += t.Matched
	}
	return fmt.Sprintf("%s: %s added, %d matched; %s added; %s added, %d matched",
		r.File, annotate.Plural(r.Documents.Added, "document"), r.Documents.Matched, annotate.Plural(r.Labels.Added, "label"),
		annotate.Plural(spans.Added, "span"), spans.Matched)
}

// mergeSource merges one read source in the transaction tx.
func (s *Store) mergeSource(ctx context.Context, tx *sql.Tx, src *source, amap map[string]string) (MergeResult, error) {
	r := MergeResult{File: src.path, Spans: map[string]Tally{}}
	docIDs, err := mergeDocuments(tx, src, &r)
	if err != nil {
		return r, err
	}
	labelIDs, err := s.mergeLabels(tx, src, &r)
	if err != nil {
		return r, err
	}
	mapped := func(a string) string {
		if to, ok := amap[a]; ok {
			return to
		}
		return a
	}
	for i, sp := range src.spans {
		if i%4096 == 0 && ctx.Err() != nil {
			return r, ctx.Err()
		}
		c := *sp
		c.DocumentID, c.LabelID, c.Annotator = docIDs[sp.DocumentID], labelIDs[sp.LabelID], mapped(sp.Annotator)
		added, renamed, err := mergeSpan(tx, &c)
		if err != nil {
			return r, fmt.Errorf("%s: span %s: %w", src.path, sp.ID, err)
		}
		t := r.Spans[c.Annotator]
		if added {
			t.Added++
		} else {
			t.Matched++
		}
		r.Spans[c.Annotator] = t
		if renamed {
			r.Renamed = append(r.Renamed, sp.ID)
		}
	}
	for _, st := range src.statuses {
		set, err := mergeStatus(tx, statusRow{docIDs[st.doc], mapped(st.annotator), st.status, st.at})
		if err != nil {
			return r, fmt.Errorf("%s: status of document %s: %w", src.path, st.doc, err)
		}
		if set {
			r.Statuses.Added++
		} else {
			r.Statuses.Matched++
		}
	}
	return r, nil
}

// mergeDocuments adds the source's missing documents and maps every source
// document ID to the ID of the same text here.
func mergeDocuments(tx *sql.Tx, src *source, r *MergeResult) (map[string]string, error) {
	bySHA := map[string]string{}
	ids := map[string]bool{}
	rows, err := tx.Query(`SELECT sha256, id FROM documents ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var sha, id string
		if err := rows.Scan(&sha, &id); err != nil {
			rows.Close()
			return nil, err
		}
		if _, dup := bySHA[sha]; !dup {
			bySHA[sha] = id
		}
		ids[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	stmt, err := tx.Prepare(insertDocumentSQL)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := make(map[string]string, len(src.docs))
	for _, d := range src.docs {
		if id, ok := bySHA[d.SHA256]; ok {
			out[d.ID] = id
			r.Documents.Matched++
			continue
		}
		c := *d
		if ids[c.ID] {
			c.ID = annotate.NewID() // the ID names another text here
		}
		if _, err := insertDocumentLen(stmt, &c, src.lengths[d.ID]); err != nil {
			return nil, fmt.Errorf("%s: document %s: %w", src.path, d.ID, err)
		}
		bySHA[c.SHA256], ids[c.ID], out[d.ID] = c.ID, true, c.ID
		r.Documents.Added++
	}
	return out, nil
}

// mergeLabels adds the source's missing labels and maps every source label
// ID to the ID of the label of the same name here.
func (s *Store) mergeLabels(tx *sql.Tx, src *source, r *MergeResult) (map[string]string, error) {
	existing, err := queryLabels(tx)
	if err != nil {
		return nil, err
	}
	byName := map[string]string{}
	ids := map[string]bool{}
	for _, l := range existing {
		byName[strings.ToLower(l.Name)], ids[l.ID] = l.ID, true
	}
	out := map[string]string{}
	for _, l := range src.labels {
		if id, ok := byName[strings.ToLower(l.Name)]; ok {
			out[l.ID] = id
			r.Labels.Matched++
			continue
		}
		c := *l
		if ids[c.ID] {
			c.ID = ""
		}
		if c.Hotkey != "" {
			if err := checkLabelUnique(tx, &c); annotate.ErrorCode(err) == annotate.ECONFLICT {
				c.Hotkey = "" // keep the label, drop a clashing hotkey
			}
		}
		if err := s.insertLabel(tx, &c); err != nil {
			return nil, fmt.Errorf("%s: label %q: %w", src.path, l.Name, err)
		}
		byName[strings.ToLower(c.Name)], ids[c.ID], out[l.ID] = c.ID, true, c.ID
		r.Labels.Added++
	}
	return out, nil
}

// mergeSpan adds sp unless this project has it: the same ID with the same
// content, or the same document, offsets, label and annotator. When its ID
// is taken by a different span it is added under a new ID (renamed).
func mergeSpan(tx *sql.Tx, sp *annotate.Span) (added, renamed bool, err error) {
	cur, err := findSpan(tx, sp.ID)
	if err != nil {
		return false, false, err
	}
	if cur != nil {
		if records.SameState(cur, sp) && cur.Annotator == sp.Annotator {
			return false, false, nil
		}
		renamed = true
	}
	var id string
	err = tx.QueryRow(`SELECT id FROM spans WHERE document_id = ? AND start = ? AND "end" = ? AND label_id = ? AND annotator = ?`,
		sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Annotator).Scan(&id)
	if err == nil {
		return false, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, false, err
	}
	if renamed {
		sp.ID = annotate.NewID()
	}
	return true, renamed, insertSpan(tx, sp)
}

// mergeStatus sets an annotator's status of a document unless this project
// has the same one or a newer one, and reports whether it did.
func mergeStatus(tx *sql.Tx, st statusRow) (bool, error) {
	var cur, at string
	err := tx.QueryRow(`SELECT status, updated_at FROM document_status WHERE document_id = ? AND annotator = ?`, st.doc, st.annotator).Scan(&cur, &at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, err
	case cur == string(st.status) || !parseTime(st.at).After(parseTime(at)):
		return false, nil
	}
	return true, putStatus(tx, st.doc, st.annotator, st.status, st.at)
}

// Annotators returns the annotators of a merge's spans, sorted.
func (r MergeResult) Annotators() []string {
	out := make([]string, 0, len(r.Spans))
	for a := range r.Spans {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
