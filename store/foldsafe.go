package store

import (
	"database/sql"
	"fmt"
	"sync"
	"unicode"
)

// The trigram index folds case with SQLite's own tables, the exact search
// with Go's simple case folding (annotate/find). Two characters Go folds
// together (one orbit of unicode.SimpleFold) may be two characters to
// SQLite: its tables are older than Go's for some scripts (Cyrillic о and
// its rare variant ᲂ, Georgian, Cherokee). foldClasses gives, for such a
// character, one representative of each class SQLite makes of its orbit,
// so that a query can ask the index for each spelling; it is worked out
// once per process by asking SQLite itself (about 3,000 characters have a
// non-trivial orbit, which takes about 0.1 s). So the index never misses
// a document the exact search would find.
var foldUnsafe struct {
	once sync.Once
	set  map[rune][]rune
	err  error
}

// foldClasses returns the spellings of r to ask the index for: r alone
// when SQLite folds r's whole orbit together.
func foldClasses(r rune) ([]rune, error) {
	foldUnsafe.once.Do(func() { foldUnsafe.set, foldUnsafe.err = computeFoldUnsafe() })
	if c, ok := foldUnsafe.set[r]; ok {
		return c, foldUnsafe.err
	}
	return []rune{r}, foldUnsafe.err
}

func computeFoldUnsafe() (map[rune][]rune, error) {
	db, err := sql.Open(driverName, ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram')`); err != nil {
		return nil, err
	}
	var folded []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.SimpleFold(r) != r {
			folded = append(folded, r)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	for _, r := range folded {
		if _, err := tx.Exec(`INSERT INTO t(rowid, x) VALUES (?, ?)`, int64(r), string([]rune{r, r, r})); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	unsafe := map[rune][]rune{}
	founds := map[rune]map[rune]bool{}
	stmt, err := db.Prepare(`SELECT rowid FROM t WHERE t MATCH ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for _, r := range folded {
		found := map[rune]bool{}
		rows, err := stmt.Query(fmt.Sprintf(`"%c%c%c"`, r, r, r))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			found[rune(id)] = true
		}
		rows.Close()
		founds[r] = found
	}
	for _, r := range folded {
		reps := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			known := false
			for _, rep := range reps {
				known = known || founds[rep][f]
			}
			if !known {
				reps = append(reps, f)
			}
		}
		if len(reps) > 1 {
			unsafe[r] = reps
		}
	}
	return unsafe, nil
}
