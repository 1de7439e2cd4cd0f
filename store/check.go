package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"unicode/utf8"

	"gloss/annotate"
)

// Problem is one thing wrong in a project file: SQLite's own checks, the
// schema, or a row that breaks Gloss's rules.
type Problem struct {
	// Table is the table of the damaged row ("documents", "spans",
	// "labels"), or "" for the file as a whole.
	Table string
	// Row is the damaged row's id ("rowid N" when it has none), or "".
	Row string
	// What says what is wrong.
	What string
}

// String renders the problem on one line, naming the row.
func (p Problem) String() string {
	if p.Row == "" {
		return p.What
	}
	return fmt.Sprintf("%s %s: %s", p.Table, p.Row, p.What)
}

// Check lists every problem in the open project: SQLite's full integrity
// and foreign key checks, its schema against the migrations', and every
// document (title, status, metadata, UTF-8 text, SHA-256 and length),
// span (within its document's text) and label. It reads one snapshot and
// changes nothing; the error is for a check that could not run at all.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	return runChecks(ctx, s.rdb)
}

// CheckFile runs Check on the project file at path without opening it as
// a project, so that it also lists the problems of a file Open refuses
// (damaged, or with a schema Gloss did not make). It reads the file as
// Open's own checks do, changing nothing and creating nothing beside it. A file that is not a Gloss project is an error.
func CheckFile(ctx context.Context, path string) ([]Problem, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	exists, _, err := checkFile(abs)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "%s: no such project file", path)
	}
	st := statProject(abs)
	name := readOnlyDSN(abs, st)
	if st.wal && !st.shm {
		var done func()
		if name, done, err = readOnlyCopy(abs); err != nil {
			return nil, err
		}
		defer done()
	}
	db, err := sql.Open(driverName, name)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return runChecks(ctx, db)
}

// checker collects problems; a query that fails is itself a problem.
type checker struct {
	ctx  context.Context
	tx   *sql.Tx
	list []Problem
}

func (c *checker) add(table, row, format string, args ...any) {
	c.list = append(c.list, Problem{Table: table, Row: row, What: fmt.Sprintf(format, args...)})
}

func runChecks(ctx context.Context, db *sql.DB) ([]Problem, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return checkTx(ctx, tx)
}

// checkTx runs every check in tx's snapshot.
func checkTx(ctx context.Context, tx *sql.Tx) ([]Problem, error) {
	c := &checker{ctx: ctx, tx: tx}
	c.integrity()
	c.foreignKeys()
	c.schema()
	lengths := c.documents()
	c.spans(lengths)
	c.labels()
	return c.list, ctx.Err()
}

// each runs query and calls fn on every row, turning failures into problems.
func (c *checker) each(what, query string, fn func(rows *sql.Rows) error) {
	rows, err := c.tx.QueryContext(c.ctx, query)
	if err != nil {
		c.add("", "", "cannot read %s: %v", what, err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			c.add("", "", "cannot read %s: %v", what, err)
			return
		}
	}
	if err := rows.Err(); err != nil {
		c.add("", "", "cannot read %s: %v", what, err)
	}
}

func (c *checker) integrity() {
	c.each("the integrity check", `PRAGMA integrity_check(100)`, func(rows *sql.Rows) error {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			c.add("", "", "SQLite integrity check: %s", shorten(line))
		}
		return nil
	})
}

func (c *checker) foreignKeys() {
	c.each("the foreign key check", `PRAGMA foreign_key_check`, func(rows *sql.Rows) error {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		row := fmt.Sprintf("rowid %d", rowid.Int64)
		if table == "spans" || table == "documents" || table == "labels" {
			var id string
			if c.tx.QueryRowContext(c.ctx, `SELECT id FROM `+table+` WHERE rowid = ?`, rowid.Int64).Scan(&id) == nil {
				row = id
			}
		}
		c.add(table, row, "refers to a row of %s that does not exist", parent)
		return nil
	})
}

func (c *checker) schema() {
	var v, applied int
	if err := c.tx.QueryRowContext(c.ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		c.add("", "", "cannot read the schema version: %v", err)
		return
	}
	if v < 0 {
		c.add("", "", "the schema version %d is negative", v)
		return
	}
	if v > SchemaVersion() {
		c.add("", "", "saved by a newer Gloss (schema %d; this Gloss knows up to %d): its schema cannot be checked", v, SchemaVersion())
		return
	}
	if err := c.tx.QueryRowContext(c.ctx, `SELECT coalesce(max(version), 0) FROM gloss_migrations`).Scan(&applied); err != nil {
		c.add("", "", "cannot read the applied migrations: %v", err)
	} else if applied != v {
		c.add("", "", "the schema version is %d but migrations up to %d are recorded", v, applied)
	}
	problems, err := schemaProblems(c.tx, v)
	if err != nil {
		c.add("", "", "cannot read the schema: %v", err)
	}
	for _, p := range problems {
		c.add("", "", "schema: %s", p)
	}
}

// documents checks every document and returns their lengths in code points.
func (c *checker) documents() map[string]int {
	lengths := map[string]int{}
	c.each("documents", `SELECT id, title, text, sha256, status, metadata, length FROM documents ORDER BY seq`, func(rows *sql.Rows) error {
		var d annotate.Document
		var status, md string
		var length int
		if err := rows.Scan(&d.ID, &d.Title, &d.Text, &d.SHA256, &status, &md, &length); err != nil {
			return err
		}
		d.Status = annotate.Status(status)
		n := utf8.RuneCountInString(d.Text)
		lengths[d.ID] = n
		if err := d.Validate(); err != nil {
			c.add("documents", d.ID, "%v", err)
		}
		if n != length {
			c.add("documents", d.ID, "stored length %d is not its text's %d code points", length, n)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(md), &m); err != nil {
			c.add("documents", d.ID, "metadata is not a JSON object: %v", err)
		}
		return c.ctx.Err()
	})
	return lengths
}

func (c *checker) spans(lengths map[string]int) {
	c.each("spans", `SELECT id, document_id, start, "end" FROM spans ORDER BY seq`, func(rows *sql.Rows) error {
		var sp annotate.Span
		if err := rows.Scan(&sp.ID, &sp.DocumentID, &sp.Start, &sp.End); err != nil {
			return err
		}
		n, ok := lengths[sp.DocumentID]
		if !ok {
			return nil // reported by the foreign key check
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			c.add("spans", sp.ID, "in document %s: %v", sp.DocumentID, err)
		}
		return c.ctx.Err()
	})
}

func (c *checker) labels() {
	c.each("labels", `SELECT id, name, color, hotkey FROM labels ORDER BY ord`, func(rows *sql.Rows) error {
		var l annotate.Label
		if err := rows.Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey); err != nil {
			return err
		}
		if err := l.Validate(); err != nil {
			c.add("labels", l.ID, "%v", err)
		}
		return nil
	})
}
