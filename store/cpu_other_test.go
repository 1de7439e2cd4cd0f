//go:build !linux

package store

import "time"

// processCPU is unknown here (BenchmarkImportStream runs on Linux only).
func processCPU() time.Duration { return -1 }
