//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// lockPart takes an exclusive advisory lock (flock) on the new part file
// f; it lasts until the returned closer (f) is closed or the process ends,
// however it ends, so a part that nobody holds was abandoned.
func lockPart(f *os.File) (io.Closer, error) {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return nil, err
	}
	// Another process's cleanup may have removed the file before the lock.
	info, err := os.Stat(f.Name())
	fi, ferr := f.Stat()
	if err != nil || ferr != nil || !os.SameFile(info, fi) {
		return nil, errors.New("the temporary file was removed")
	}
	return f, nil
}

// partAbandoned reports whether no process holds the part file at name.
func partAbandoned(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
