package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// copyDatabase overwrites the database open in dst with the one at src,
// through SQLite's backup API: one write transaction on dst.
func copyDatabase(dst *sql.DB, src string) error {
	sdb, err := sql.Open(driverName, "file:"+escapePath(src)+"?mode=ro")
	if err != nil {
		return err
	}
	defer sdb.Close()
	ctx := context.Background()
	sc, err := sdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			bk, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			deadline := time.Now().Add(30 * time.Second)
			for {
				done, err := bk.Step(-1)
				if err != nil {
					bk.Finish()
					return storageErr(src, err)
				}
				if done {
					return bk.Finish()
				}
				if time.Now().After(deadline) { // busy: another process is writing
					bk.Finish()
					return fmt.Errorf("restore: another program kept the project busy for 30 s; nothing was changed")
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeDB removes a database file and the files SQLite keeps beside it.
func removeDB(p string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + suffix)
	}
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")

// escapePath makes a file path safe inside a SQLite URI filename.
func escapePath(p string) string {
	return uriEscaper.Replace(p)
}
