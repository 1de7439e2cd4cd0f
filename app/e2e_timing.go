//go:build e2e

package app

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"time"
)

// The e2e window prints, for each search of a paged documents list, how
// long after its keystroke its rows were shown (the search off the UI
// goroutine and the rows updated; the GL frame that draws them follows):
//
//	gloss-e2e: search "QUERY" shown MS ms after its key
//
// GLOSS_E2E_CPUPROFILE names a file for a CPU profile of the e2e window's
// first GLOSS_E2E_CPUPROFILE_SECS seconds (default 60), to see where the
// real window (GL driver, not the test driver's software painter) spends
// its time while a script types into it.
const (
	envE2EProfile     = "GLOSS_E2E_CPUPROFILE"
	envE2EProfileSecs = "GLOSS_E2E_CPUPROFILE_SECS"
)

func init() {
	onSearchShown = func(q string, took time.Duration) {
		fmt.Printf("gloss-e2e: search %q shown %.1f ms after its key\n", q, float64(took.Microseconds())/1000)
	}
	path := os.Getenv(envE2EProfile)
	if path == "" {
		return
	}
	secs, err := strconv.Atoi(os.Getenv(envE2EProfileSecs))
	if err != nil || secs <= 0 {
		secs = 60
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gloss-e2e: cpu profile %s: %v\n", path, err)
		return
	}
	go func() {
		time.Sleep(time.Duration(secs) * time.Second)
		pprof.StopCPUProfile()
		f.Close()
		fmt.Println("gloss-e2e: cpu profile written to", path)
	}()
}
