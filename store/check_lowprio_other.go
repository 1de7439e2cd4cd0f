//go:build !linux

package store

// runLowPriority runs f. Only Linux sets a priority per thread; elsewhere
// the background check runs at the process's priority.
func runLowPriority(f func()) { f() }
