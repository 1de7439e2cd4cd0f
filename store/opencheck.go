package store

import (
	"context"
	"encoding/binary"
	"io"
	"os"
)

// What Open checks, and what it leaves to Check.
//
// SQLite's quick_check reads every page: its cost grows with the corpus
// (1.2 s at 200,000 documents). Open instead runs checks whose cost does
// not: the file header (ours, a page size SQLite allows, and a file at
// least as long as the page count it records), the schema against the
// migrations' (sqlite_schema only), the migrations recorded, and
// samplePages, which looks at up to openSamplePages pages spread evenly
// over the file. When any of these looks wrong, quick_check decides, as
// before, so a file is never refused on a guess. SQLite itself checks the
// last transactions: a -wal's frames carry checksums, and a torn or
// damaged frame (and every frame after it) is ignored, never applied.
// Damage the sample misses is reported when the damaged page is read
// (damaged errors name the row and say to restore a backup) and by the
// full Check, which the window runs in the background after open
// (CheckInBackground) and gloss-cli check runs on demand.

// openSamplePages is how many pages Open looks at without SQLite.
const openSamplePages = 64

// looksDamaged reports whether the file at path shows damage that a cheap
// look can see: a header SQLite would not write, a file shorter than its
// page count, or a sampled page that is none of the kinds SQLite writes.
func looksDamaged(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return true
	}
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil {
		return true
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return true
	}
	reserved := int64(head[20])
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	// The page count is valid when the header's "version valid for"
	// matches its change counter (SQLite 3.7.0 and later always write both).
	if binary.BigEndian.Uint32(head[92:96]) == binary.BigEndian.Uint32(head[24:28]) {
		if pages*pageSize > info.Size() {
			return true
		}
	} else {
		pages = info.Size() / pageSize
	}
	if pages == 0 {
		return true
	}
	return !samplePages(f, pages, pageSize, pageSize-reserved)
}

// samplePages reads up to openSamplePages pages spread evenly over the
// file (all of them in a small file) and reports whether each is a page
// SQLite could have written: a b-tree page with a sound header, or an
// overflow or freelist page whose first word is a page number in range.
// A page of zeros, or one starting with bytes no page starts with, is not.
func samplePages(f *os.File, pages, pageSize, usable int64) bool {
	buf := make([]byte, pageSize)
	step := max(pages/openSamplePages, 1)
	for p := int64(1); p <= pages; p += step {
		if _, err := f.ReadAt(buf, (p-1)*pageSize); err != nil {
			return false
		}
		if !plausiblePage(buf, p == 1, pages, usable) {
			return false
		}
	}
	return true
}

// plausiblePage checks one page's header. Page 1's b-tree header follows
// the 100-byte file header.
func plausiblePage(b []byte, first bool, pages, usable int64) bool {
	h := b
	if first {
		h = b[100:]
		if h[0] != 13 && h[0] != 5 { // sqlite_schema is a table b-tree
			return false
		}
	}
	switch h[0] {
	case 2, 5, 10, 13: // index/table interior/leaf b-tree pages
		cells := int64(binary.BigEndian.Uint16(h[3:5]))
		content := int64(binary.BigEndian.Uint16(h[5:7]))
		if content == 0 {
			content = 65536
		}
		free := int64(binary.BigEndian.Uint16(h[1:3]))
		return content <= usable && free < usable && cells*2 < usable
	}
	allZero := true
	for _, c := range b {
		if c != 0 {
			allZero = false
			break
		}
	}
	if allZero {
		return false
	}
	// An overflow page or freelist trunk page starts with a page number
	// (0 for the last); a freelist leaf page holds whatever it held, and a
	// damaged page that happens to pass is left to the full check.
	return int64(binary.BigEndian.Uint32(b[0:4])) <= pages
}

// CheckInBackground runs Check on its own goroutine and calls done with
// its result when it finishes (or ctx is cancelled), for a window that
// opens at once and tells the user later if anything is wrong. done runs
// on that goroutine: a user interface hands the result to its own thread.
// The check runs at low CPU priority (see BackgroundCheck).
func (s *Store) CheckInBackground(ctx context.Context, done func([]Problem, error)) {
	go func() {
		var problems []Problem
		var err error
		runLowPriority(func() { problems, err = s.Check(ctx) })
		done(problems, err)
	}()
}
