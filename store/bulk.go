package store

import (
	"context"
	"database/sql"
	"fmt"
)

// A bulk write (a streamed import: one transaction of any size) runs on a
// connection set up for it, and set back after:
//
//   - temp_store = MEMORY: SQLite keeps a statement journal (the pages a
//     statement changed, to undo that statement alone) in memory up to
//     64 KiB, then in a temporary file for the rest of the transaction.
//     In a transaction of a million inserts, one large statement made
//     every later insert write its journal to disk: 20 writes per
//     document, 2.3 GB for 50,000 documents. In memory it is truncated
//     after each statement. Only temporary data moves; the WAL, and so
//     crash safety, are unchanged. (It cannot change inside a transaction,
//     hence the dedicated connection.)
//   - cache_size = bulkCacheKiB: with SQLite's default of 2 MiB, the
//     indexes of a large corpus (the documents' IDs, SHA-256s, titles and
//     dates: about 200 MB at 1,000,000 documents) do not fit, and inserts
//     keep evicting dirty index pages that are written to the WAL and soon
//     read and changed again. 256 MiB holds them while the import's peak
//     memory stays well under 500 MB; SQLite frees the pages when the size
//     is set back.
const bulkCacheKiB = 256 << 10

// writeBulk is write (one transaction, retried while another process
// holds the file) on a connection set up for a bulk write.
func (s *Store) writeBulk(fn func(tx *sql.Tx) error) error {
	return s.retryWrite(func() error {
		ctx := context.Background()
		conn, restore, err := bulkConn(ctx, s.db)
		if err != nil {
			return err
		}
		defer conn.Close()
		defer restore()
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		return commitAfter(tx, fn)
	})
}

// bulkConn takes a connection of db and sets it up for a bulk write;
// restore sets it back (call it after the transaction, before closing).
func bulkConn(ctx context.Context, db *sql.DB) (*sql.Conn, func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	var cache, temp int64
	err = conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache)
	if err == nil {
		err = conn.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp)
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKiB))
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`)
	}
	restore := func() {
		conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, cache))
		conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA temp_store = %d`, temp))
	}
	if err != nil {
		restore()
		conn.Close()
		return nil, nil, err
	}
	return conn, restore, nil
}
