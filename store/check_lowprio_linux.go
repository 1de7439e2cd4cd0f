//go:build linux

package store

import (
	"runtime"
	"syscall"
)

// lowPriorityNice is the nice value of the thread that runs a background
// check: the lowest priority, so that any other runnable thread (the
// window's) gets the CPU first.
const lowPriorityNice = 19

// runLowPriority runs f on a goroutine locked to an OS thread whose nice
// value is raised to lowPriorityNice, and waits for it. On Linux the nice
// value is per thread, and SQLite runs a query on the thread of the
// goroutine that steps it (a cgo call), so the check's work runs at low
// priority while the rest of the process does not. An unprivileged thread
// cannot lower its nice value again, so the thread is never handed back:
// the goroutine ends still locked, and the Go runtime then ends the thread.
// A panic in f is raised again in the caller.
func runLowPriority(f func()) {
	done := make(chan any, 1)
	go func() {
		runtime.LockOSThread()
		if syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), lowPriorityNice) != nil {
			runtime.UnlockOSThread() // the thread's priority is unchanged: it may be reused
		}
		defer func() { done <- recover() }()
		f()
	}()
	if p := <-done; p != nil {
		panic(p)
	}
}
