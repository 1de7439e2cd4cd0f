//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"io"
	"os"
	"time"
)

// lockPart closes the new part file f (Windows cannot rename or remove an
// open file); without flock a part counts as abandoned when it has not
// been written for an hour.
func lockPart(f *os.File) (io.Closer, error) {
	f.Close()
	return io.NopCloser(nil), nil
}

// partAbandoned reports whether the part file at name has not been written
// for an hour (no backup step takes that long).
func partAbandoned(name string) bool {
	info, err := os.Stat(name)
	return err == nil && time.Since(info.ModTime()) > time.Hour
}
