package store

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/mattn/go-sqlite3"

	"gloss/store/records"
)

// removedRow is a row of structure a delete removed or changed (see
// records.RemovedRow).
type removedRow = records.RemovedRow

// structTable is a structure table a span delete can reach
// (records.StructTables), with how this store selects a document's rows.
type structTable struct {
	records.StructTable
	where string
}

// structTables are in the order undo restores them (records.StructTables).
var structTables = func() []structTable {
	where := map[string]string{
		"text_events": "document_id = ?",
		"event_args":  "event_id IN (SELECT id FROM text_events WHERE document_id = ?)",
		"notes":       "document_id = ?",
		"norms":       "document_id = ?",
		"equivs":      "document_id = ?",
	}
	var out []structTable
	for _, t := range records.StructTables {
		out = append(out, structTable{t, where[t.Name]})
	}
	return out
}()

// key returns the row's key.
func (t structTable) key(row []any) string { return t.Key(row) }

func (t structTable) keyWhere() (string, func(row []any) []any) {
	return strings.Join(t.KeyColumns(), " = ? AND ") + " = ?", t.KeyArgs
}

func findStructTable(name string) (structTable, bool) {
	for _, t := range structTables {
		if t.Name == name {
			return t, true
		}
	}
	return structTable{}, false
}

// readStructRows returns the rows of one table that where selects, each
// in the form JSON gives back (numbers as float64), so that rows read now
// compare equal to rows read from the edit log.
func readStructRows(q queryer, t structTable, where string, args ...any) ([][]any, error) {
	rows, err := q.Query(`SELECT `+t.Cols+` FROM `+t.Name+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", t.Name, err)
	}
	defer rows.Close()
	n := len(t.Columns())
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
		before[t.Name] = rows
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
		for _, r := range before[t.Name] {
			a, ok := after[t.key(r)]
			switch {
			case !ok:
				out = append(out, removedRow{Table: t.Name, Row: r})
			case !reflect.DeepEqual(a, r):
				out = append(out, removedRow{Table: t.Name, Row: r, After: a})
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
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns())), ", ")
		for _, r := range removed {
			if r.Table != t.Name {
				continue
			}
			if r.After != nil {
				if _, err := tx.Exec(`DELETE FROM `+t.Name+` WHERE `+where, keyArgs(r.Row)...); err != nil {
					return err
				}
			}
			_, err := tx.Exec(`INSERT INTO `+t.Name+`(`+t.Cols+`) VALUES (`+marks+`)`, r.Row...)
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
func decodeRemoved(s string) []removedRow { return records.DecodeRemoved(s) }
