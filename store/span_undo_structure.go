package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// removedRow is a row of a document's structure (a note, normalisation,
// equivalence set, text event or event argument) as it was before a span
// delete removed or changed it. After is the row as the delete left it,
// nil when the delete removed it. Rows are kept whole, seq included, so
// that undo puts them back exactly.
type removedRow struct {
	Table string `json:"table"`
	Row   []any  `json:"row"`
	After []any  `json:"after,omitempty"`
}

// structTable is a structure table a span delete can reach, with its
// columns and how many of them (from the first) make the key.
type structTable struct {
	name, cols, where string
	keyCols           int
}

// structTables are in the order undo restores them: events before their
// arguments and before what targets them.
var structTables = []structTable{
	{"text_events", "seq, id, document_id, type, trigger_span, annotator, attrs", "document_id = ?", 0},
	{"event_args", "event_id, pos, role, ref_span, ref_event", "event_id IN (SELECT id FROM text_events WHERE document_id = ?)", 2},
	{"notes", "seq, id, document_id, type, target, text", "document_id = ?", 0},
	{"norms", "seq, id, document_id, type, target, resource, entry_id, text", "document_id = ?", 0},
	{"equivs", "seq, id, document_id, type, members", "document_id = ?", 0},
}

// key returns the row's key: its id (column 1) or its first keyCols columns.
func (t structTable) key(row []any) string {
	if t.keyCols == 0 {
		return fmt.Sprint(row[1])
	}
	return fmt.Sprint(row[:t.keyCols]...)
}

func (t structTable) keyWhere() (string, func(row []any) []any) {
	if t.keyCols == 0 {
		return "id = ?", func(row []any) []any { return []any{row[1]} }
	}
	cols := strings.Split(t.cols, ", ")[:t.keyCols]
	return strings.Join(cols, " = ? AND ") + " = ?", func(row []any) []any { return row[:t.keyCols] }
}

func findStructTable(name string) (structTable, bool) {
	for _, t := range structTables {
		if t.name == name {
			return t, true
		}
	}
	return structTable{}, false
}

// readStructRows returns the rows of one table that where selects, each
// in the form JSON gives back (numbers as float64), so that rows read now
// compare equal to rows read from the edit log.
func readStructRows(q queryer, t structTable, where string, args ...any) ([][]any, error) {
	rows, err := q.Query(`SELECT `+t.cols+` FROM `+t.name+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", t.name, err)
	}
	defer rows.Close()
	n := len(strings.Split(t.cols, ", "))
	var out [][]any
	for rows.Next() {
		row := make([]any, n)
		ptrs := make([]any, n)
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range row {
			switch v := v.(type) {
			case []byte:
				row[i] = string(v)
			case int64:
				row[i] = float64(v)
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// readDocsRows returns the rows of one table in these documents.
func readDocsRows(q queryer, t structTable, docIDs []string) ([][]any, error) {
	var out [][]any
	for _, d := range docIDs {
		rows, err := readStructRows(q, t, t.where, d)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// captureRemoved runs del (a span delete) and returns the structure rows of
// documents docIDs that it removed or changed, as they were before.
func captureRemoved(tx *sql.Tx, docIDs []string, del func() error) ([]removedRow, error) {
	before := map[string][][]any{}
	for _, t := range structTables {
		rows, err := readDocsRows(tx, t, docIDs)
		if err != nil {
			return nil, err
		}
		before[t.name] = rows
	}
	if err := del(); err != nil {
		return nil, err
	}
	var out []removedRow
	for _, t := range structTables {
		rows, err := readDocsRows(tx, t, docIDs)
		if err != nil {
			return nil, err
		}
		after := map[string][]any{}
		for _, r := range rows {
			after[t.key(r)] = r
		}
		for _, r := range before[t.name] {
			a, ok := after[t.key(r)]
			switch {
			case !ok:
				out = append(out, removedRow{Table: t.name, Row: r})
			case !reflect.DeepEqual(a, r):
				out = append(out, removedRow{Table: t.name, Row: r, After: a})
			}
		}
	}
	return out, nil
}

// removedConflict returns why the removed rows cannot go back: one is no
// longer as the delete left it (present again, or changed since).
func removedConflict(tx *sql.Tx, removed []removedRow) (string, error) {
	for _, r := range removed {
		t, ok := findStructTable(r.Table)
		if !ok {
			return fmt.Sprintf("the edit log names an unknown table %q", r.Table), nil
		}
		where, keyArgs := t.keyWhere()
		cur, err := readStructRows(tx, t, where, keyArgs(r.Row)...)
		if err != nil {
			return "", err
		}
		var now []any
		if len(cur) > 0 {
			now = cur[0]
		}
		if !reflect.DeepEqual(now, r.After) {
			return fmt.Sprintf("%s %s was changed since", strings.TrimSuffix(r.Table, "s"), t.key(r.Row)), nil
		}
	}
	return "", nil
}

// restoreRemoved puts the removed rows back as they were. A row whose span
// or event is gone is left out (as restoreRelations leaves out relations
// whose spans are gone), and so is a note or normalisation on it.
func restoreRemoved(tx *sql.Tx, docIDs []string, removed []removedRow) error {
	for _, t := range structTables {
		where, keyArgs := t.keyWhere()
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(strings.Split(t.cols, ", "))), ", ")
		for _, r := range removed {
			if r.Table != t.name {
				continue
			}
			if r.After != nil {
				if _, err := tx.Exec(`DELETE FROM `+t.name+` WHERE `+where, keyArgs(r.Row)...); err != nil {
					return err
				}
			}
			_, err := tx.Exec(`INSERT INTO `+t.name+`(`+t.cols+`) VALUES (`+marks+`)`, r.Row...)
			var se sqlite3.Error
			if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey {
				continue
			}
			if err != nil {
				return err
			}
		}
	}
	for _, d := range docIDs {
		if err := dropOrphans(tx, d); err != nil {
			return err
		}
	}
	return nil
}

// decodeRemoved reads the removed rows of a delete-span record; an older
// record without them has none.
func decodeRemoved(s string) []removedRow {
	var rec struct {
		Removed []removedRow `json:"removed"`
	}
	if s == "" || json.Unmarshal([]byte(s), &rec) != nil {
		return nil
	}
	return rec.Removed
}
