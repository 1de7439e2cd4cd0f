//go:build unix

package app_test

import "syscall"

// processCPU is the CPU time this process has used (user and system), in
// nanoseconds: a benchmark's cost apart from the wait for a loaded CPU.
func processCPU() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
