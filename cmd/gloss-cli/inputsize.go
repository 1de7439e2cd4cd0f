package main

import (
	"fmt"
	"strconv"
	"strings"
)

// sizeFlag is a byte count given as a number with an optional unit: 1000,
// 64KiB, 500MB, 2GiB (KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024).
type sizeFlag struct{ n int64 }

// String prints the size in bytes.
func (s *sizeFlag) String() string { return strconv.FormatInt(s.n, 10) }

// Set parses a size.
func (s *sizeFlag) Set(v string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	num, mult := strings.ToUpper(strings.TrimSpace(v)), int64(1)
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("%q is not a size such as 1000, 64KiB, 500MB or 2GiB", v)
	}
	s.n = n * mult
	return nil
}
