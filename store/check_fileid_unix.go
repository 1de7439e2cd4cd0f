//go:build unix

package store

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity names the file at path by device and inode, so that a
// clean check's record does not vouch for a copy or a replaced file; ""
// when it cannot be read.
func fileIdentity(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
}
