package store

import (
	"context"
	"database/sql"
	"fmt"

	"gloss/annotate"
)

// maxBuiltTo is corpus_index_state.built_to of a complete index.
const maxBuiltTo = int64(^uint64(0) >> 1)

// indexBatch is how many documents BuildIndex indexes per transaction.
var indexBatch = 2000

// IndexBuilt reports whether the full-text index holds every document. A
// project made before the index existed gets it empty; BuildIndex fills
// it. Searches are exact either way (documents not indexed are read).
func (s *Store) IndexBuilt() (bool, error) {
	var builtTo int64
	if err := s.rdb.QueryRow(`SELECT built_to FROM corpus_index_state WHERE id = 1`).Scan(&builtTo); err != nil {
		return false, err
	}
	return builtTo == maxBuiltTo, nil
}

// BuildIndex adds the documents the full-text index does not hold yet, a
// batch of documents per transaction (so other writers wait for one batch
// at most, and work done survives an interruption), calling progress
// after each batch with the documents indexed and the total. It returns
// when the index is complete, or with ctx's error when cancelled (call it
// again to continue). New documents are indexed as they are added, in
// their own transaction, whatever the state of this build.
func (s *Store) BuildIndex(ctx context.Context, progress func(done, total int)) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: its full-text index cannot be built", s.path)
	}
	var total, done int
	var builtTo int64
	if err := s.rdb.QueryRow(`SELECT count(*), (SELECT built_to FROM corpus_index_state WHERE id = 1) FROM documents`).Scan(&total, &builtTo); err != nil {
		return fmt.Errorf("build the index: %w", err)
	}
	if builtTo == maxBuiltTo {
		return nil
	}
	if err := s.rdb.QueryRow(`SELECT count(*) FROM documents WHERE seq <= ?`, builtTo).Scan(&done); err != nil {
		return fmt.Errorf("build the index: %w", err)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var n int
		var complete bool
		err := s.write(func(tx *sql.Tx) error {
			var err error
			n, complete, err = indexNextBatch(tx)
			return err
		})
		if err != nil {
			return fmt.Errorf("build the index: %w", err)
		}
		done += n
		if progress != nil {
			progress(min(done, total), max(total, done))
		}
		if complete {
			return nil
		}
	}
}

// indexNextBatch indexes the next documents after built_to and moves
// built_to past them (to maxBuiltTo after the last).
func indexNextBatch(tx *sql.Tx) (int, bool, error) {
	var builtTo int64
	if err := tx.QueryRow(`SELECT built_to FROM corpus_index_state WHERE id = 1`).Scan(&builtTo); err != nil {
		return 0, false, err
	}
	if builtTo == maxBuiltTo {
		return 0, true, nil
	}
	var last, n int64
	err := tx.QueryRow(`SELECT coalesce(max(seq), 0), count(*) FROM (SELECT seq FROM documents WHERE seq > ? ORDER BY seq LIMIT ?)`, builtTo, indexBatch).Scan(&last, &n)
	if err != nil {
		return 0, false, err
	}
	if n > 0 {
		if _, err := tx.Exec(`INSERT INTO title_index(rowid, title) SELECT seq, title FROM documents WHERE seq > ? AND seq <= ?`, builtTo, last); err != nil {
			return 0, false, err
		}
		if _, err := tx.Exec(`INSERT INTO text_index(rowid, text) SELECT seq, text FROM documents WHERE seq > ? AND seq <= ?`, builtTo, last); err != nil {
			return 0, false, err
		}
	}
	complete := n < int64(indexBatch)
	if complete {
		last = maxBuiltTo
	}
	if _, err := tx.Exec(`UPDATE corpus_index_state SET built_to = ? WHERE id = 1`, last); err != nil {
		return 0, false, err
	}
	return int(n), complete, nil
}

// Bulk imports defer the text index: indexing costs about 1 µs per byte
// of text (every three-character piece of it), ten times what storing
// the text costs, so an import of many documents stores them first and
// leaves them to BuildIndex (run after the import by gloss-cli import and
// gloss-cli gen, and in the background by the window). Until then they are
// found by reading them, so every search stays exact. Smaller writes are
// indexed in their own transaction.
const (
	deferDocs  = 200     // documents in one write from which indexing is deferred
	deferBytes = 1 << 20 // or bytes of text
)

// deferIndex makes the documents written next in tx (after every present
// one) wait for BuildIndex, when docs documents of textBytes in all are
// about to be written.
func deferIndex(tx *sql.Tx, docs, textBytes int) error {
	if docs < deferDocs && textBytes < deferBytes {
		return nil
	}
	_, err := tx.Exec(`UPDATE corpus_index_state SET built_to = min(built_to, (SELECT coalesce(max(seq), 0) FROM documents)) WHERE id = 1`)
	return err
}

// batchTextBytes is the size of a batch's texts.
func batchTextBytes(docs []*annotate.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	return n
}
