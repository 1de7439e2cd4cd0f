package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gloss/annotate"
)

// taskStat is what /proc/self/task/TID/stat says of one thread.
type taskStat struct {
	nice  int
	ticks int64 // user and system CPU time, in clock ticks
}

// readStat reads a /proc stat file (a thread's or the process's).
func readStat(path string) (taskStat, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return taskStat{}, err
	}
	// the fields after the command name, which is in parentheses: state is field 3
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 17 {
		return taskStat{}, fmt.Errorf("%s: %d fields", path, len(f))
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	nice, _ := strconv.Atoi(f[16])              // field 19
	return taskStat{nice: nice, ticks: utime + stime}, nil
}

// nicedThreads returns the threads of this process at nice 19, by id.
func nicedThreads() map[int]taskStat {
	out := map[int]taskStat{}
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, e := range tasks {
		st, err := readStat(filepath.Join("/proc/self/task", e.Name(), "stat"))
		if tid, _ := strconv.Atoi(e.Name()); err == nil && st.nice == lowPriorityNice {
			out[tid] = st
		}
	}
	return out
}

// checkProject is a project whose full check takes a few hundred ms of CPU.
func checkProject(t *testing.T) *Store {
	s := newProject(t)
	var docs []*annotate.Document
	text := strings.Repeat("the quick brown fox jumps over the lazy dog; ", 40)
	for i := 0; i < 6000; i++ {
		docs = append(docs, annotate.NewDocument(fmt.Sprintf("document %d", i), fmt.Sprintf("%d %s", i, text), ""))
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBackgroundCheckRunsOnANicedThread: while BackgroundCheck runs, one
// thread of the process is at nice 19, and that thread does most of the
// process's CPU work meanwhile (SQLite's integrity check runs on the
// thread of the goroutine that steps the query, not on another); the
// thread ends with the check, and the caller's thread is not niced.
func TestBackgroundCheckRunsOnANicedThread(t *testing.T) {
	s := checkProject(t)
	if len(nicedThreads()) != 0 {
		t.Fatal("a thread is niced before the check")
	}
	stop := make(chan struct{})
	var mu sync.Mutex
	seen := map[int]taskStat{} // the last sample of each niced thread
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			for tid, st := range nicedThreads() {
				mu.Lock()
				seen[tid] = st
				mu.Unlock()
			}
		}
	}()
	start := map[int]int64{} // each thread's CPU ticks before the checks
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, e := range tasks {
		tid, _ := strconv.Atoi(e.Name())
		if st, err := readStat(filepath.Join("/proc/self/task", e.Name(), "stat")); err == nil {
			start[tid] = st.ticks
		}
	}
	before, err := readStat("/proc/self/stat")
	if err != nil {
		t.Fatal(err)
	}
	var ran bool
	for i := 0; i < 3 && err == nil; i++ { // a few checks, for enough CPU ticks to compare
		s.write(func(tx *sql.Tx) error { _, err := tx.Exec(`DELETE FROM check_state`); return err })
		_, ran, err = s.BackgroundCheck(context.Background())
		if !ran {
			t.Fatal("the check did not run")
		}
	}
	after, _ := readStat("/proc/self/stat")
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	var niced int64
	for tid, st := range seen {
		niced += st.ticks - start[tid] // an existing thread may have been locked and niced
	}
	total := after.ticks - before.ticks
	t.Logf("process: %d ticks during the checks; niced threads %v: %d ticks (pid %d)", total, seen, niced, os.Getpid())
	if len(seen) == 0 {
		t.Fatal("no thread was at nice 19 while the check ran")
	}
	if total < 20 {
		t.Fatalf("the checks took %d ticks of CPU: too few to compare", total)
	}
	if niced*10 < total*6 {
		t.Errorf("the niced threads did %d of the process's %d ticks; want most (the query runs on them)", niced, total)
	}
	if me, err := readStat(fmt.Sprintf("/proc/self/task/%d/stat", syscall.Gettid())); err != nil || me.nice != 0 {
		t.Errorf("the caller's thread: nice %d (%v), want 0", me.nice, err)
	}
	// The main thread never ends: when a locked goroutine that ran on it
	// exits, the runtime parks it for good instead (it runs nothing more).
	// Other threads end, though not at once: wait for them a while.
	others := func() map[int]taskStat {
		left := nicedThreads()
		delete(left, os.Getpid())
		return left
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(others()) > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if left := others(); len(left) > 0 {
		t.Errorf("niced threads outlive the check: %v", left)
	}
}
