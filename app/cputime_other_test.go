//go:build !unix

package app_test

// processCPU is not measured here (0): benchmarks report wall time only.
func processCPU() int64 { return 0 }
