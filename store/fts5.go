package store

import (
	"database/sql"
	"sync"

	"gloss/annotate"
)

// FTS5Tag is the build tag that compiles SQLite's full-text index (FTS5)
// into go-sqlite3. Gloss needs it: the project schema holds FTS5 tables.
const FTS5Tag = "sqlite_fts5"

var fts5 struct {
	once sync.Once
	err  error
}

// requireFTS5 fails loudly when this binary was built without FTS5, naming
// the build tag, instead of failing later on a missing module (or, worse,
// falling back to something slower without saying so).
func requireFTS5() error {
	fts5.once.Do(func() {
		db, err := sql.Open(driverName, ":memory:")
		if err != nil {
			fts5.err = err
			return
		}
		defer db.Close()
		var used int
		if err := db.QueryRow(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil {
			fts5.err = err
			return
		}
		if used != 1 {
			fts5.err = annotate.Errorf(annotate.EINVALID,
				"this Gloss was built without SQLite's full-text index (FTS5), which Gloss projects need: "+
					"build it with the %s build tag (make does: go build -tags %s)", FTS5Tag, FTS5Tag)
		}
	})
	return fts5.err
}
