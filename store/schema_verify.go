package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// A project file holds its own schema, and SQLite runs what that schema
// says: a trigger planted in a file runs on the next edit, a view or a
// CHECK constraint on the next read or write. So a file's schema must be
// exactly the one Gloss's migrations create; anything extra or altered is
// refused before anything is written.

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	Type, Name, Table, SQL string
}

func (o schemaObject) key() string { return o.Type + " " + o.Name }

// allowedExtra are objects SQLite itself may add (ANALYZE, PRAGMA
// optimize): statistics tables, which hold no code.
var allowedExtra = map[string]string{
	"table sqlite_stat1": "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
	"table sqlite_stat4": "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}

var expected struct {
	sync.Mutex
	byVersion map[int]map[string]schemaObject
}

// expectedSchema returns the schema that the migrations up to version
// create, built once per version in an in-memory database.
func expectedSchema(version int) (map[string]schemaObject, error) {
	expected.Lock()
	defer expected.Unlock()
	if m, ok := expected.byVersion[version]; ok {
		return m, nil
	}
	db, err := sql.Open(driverName, ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	if err := migrateTo(db, version); err != nil {
		return nil, fmt.Errorf("expected schema %d: %w", version, err)
	}
	m, err := readSchema(db)
	if err != nil {
		return nil, err
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]map[string]schemaObject{}
	}
	expected.byVersion[version] = m
	return m, nil
}

// readSchema returns every object in the file's sqlite_schema by type and name.
func readSchema(q queryer) (map[string]schemaObject, error) {
	rows, err := q.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return nil, err
		}
		m[o.key()] = o
	}
	return m, rows.Err()
}

// schemaProblems compares a file's schema (at the given schema version)
// with the expected one and describes every difference, naming the object.
// At version 0 (a file whose creation was interrupted) missing objects are
// fine: the migrations will create them.
func schemaProblems(q queryer, version int) ([]string, error) {
	want, err := expectedSchema(version)
	if err != nil {
		return nil, err
	}
	have, err := readSchema(q)
	if err != nil {
		return nil, err
	}
	var out []string
	for k, o := range have {
		w, ok := want[k]
		switch {
		case !ok && allowedExtra[k] == o.SQL:
		case !ok:
			out = append(out, fmt.Sprintf("extra %s %q%s that Gloss does not create", o.Type, o.Name, onTable(o)))
		case w.SQL != o.SQL || w.Table != o.Table:
			out = append(out, fmt.Sprintf("%s %q was altered", o.Type, o.Name))
		}
	}
	if version > 0 {
		for k, w := range want {
			if _, ok := have[k]; !ok {
				out = append(out, fmt.Sprintf("%s %q is missing", w.Type, w.Name))
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

func onTable(o schemaObject) string {
	if o.Type == "table" || o.Table == "" || o.Table == o.Name {
		return ""
	}
	return " (on " + o.Table + ")"
}

// verifySchema refuses a project whose schema is not the one the
// migrations up to its version create, naming what differs, as damaged
// (so that a user interface offers to restore a backup).
func verifySchema(q queryer, path string, version int) error {
	problems, err := schemaProblems(q, version)
	if err != nil {
		if isCorrupt(err) {
			return damaged(path, err.Error())
		}
		return fmt.Errorf("check the schema of %s: %w", path, err)
	}
	if len(problems) == 0 {
		return nil
	}
	more := ""
	if len(problems) > 5 {
		more = fmt.Sprintf(" and %d more", len(problems)-5)
		problems = problems[:5]
	}
	return damaged(path, "its schema is not one Gloss makes and could run SQL of its own: "+strings.Join(problems, "; ")+more)
}
