package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gloss/annotate"
)

// Two processes on one project file, as two windows or a window and the
// command line would be: both write and read as fast as they can.

func init() { roles["writer"] = writerChild }

const writerEdits = 200 // span additions per process (plus updates, deletes, imports, backups)

// writerReport is what a writer child prints when it is done.
type writerReport struct {
	Name          string
	Added         []string // spans added and not deleted
	Writes        int      // committed write transactions
	OtherSeen     int      // the other process's spans seen on the last re-read
	WaitedForPeer time.Duration
	Close         time.Duration
}

// writerChild adds, updates and deletes spans, imports small batches,
// makes a backup now and then, and re-reads the document after every
// write, failing on any error at all. It starts and ends by adding a span
// and re-reading until it sees the other process's.
func writerChild(args []string) error {
	path, name, other := args[0], args[1], args[2]
	s, err := Open(path, Options{Annotator: name})
	if err != nil {
		return err
	}
	doc, err := s.FindDocument("shared")
	if err != nil {
		return err
	}
	lbl, err := s.LabelByName(name)
	if err != nil {
		return err
	}
	rep := writerReport{Name: name}
	otherSpans := func(mark string) (int, bool, error) {
		spans, err := s.Spans(doc.ID)
		if err != nil {
			return 0, false, err
		}
		n, seen := 0, false
		for _, sp := range spans {
			if sp.Annotator == other {
				n++
				seen = seen || sp.Note == mark
			}
		}
		return n, seen, nil
	}
	// meet: add a span noted mark, then re-read until the other's shows up
	meet := func(mark string, at int) (time.Duration, error) {
		sp := annotate.NewSpan(doc.ID, at, at+1, lbl.ID)
		sp.Note = mark
		if err := s.AddSpan(sp); err != nil {
			return 0, err
		}
		start := time.Now()
		for {
			n, seen, err := otherSpans(mark)
			if err != nil {
				return 0, err
			}
			if seen {
				rep.OtherSeen = n
				return time.Since(start), nil
			}
			if time.Since(start) > 30*time.Second {
				return 0, fmt.Errorf("never saw %s's %q span", other, mark)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	if _, err := meet("ready", 550); err != nil { // start together
		return err
	}
	for i := 0; i < writerEdits; i++ {
		sp := annotate.NewSpan(doc.ID, i, i+3, lbl.ID)
		if err := s.AddSpan(sp); err != nil {
			return fmt.Errorf("add %d: %w", i, err)
		}
		rep.Added = append(rep.Added, sp.ID)
		rep.Writes++
		switch i % 10 {
		case 3:
			sp.Note = "edited by " + name
			if err := s.UpdateSpan(sp); err != nil {
				return fmt.Errorf("update %d: %w", i, err)
			}
			rep.Writes++
		case 6:
			if err := s.DeleteSpan(sp.ID); err != nil {
				return fmt.Errorf("delete %d: %w", i, err)
			}
			rep.Added = rep.Added[:len(rep.Added)-1]
			rep.Writes++
		case 8:
			if _, err := s.Import(textBatch(fmt.Sprintf("%s-%d", name, i), 5, 2000)); err != nil {
				return fmt.Errorf("import %d: %w", i, err)
			}
			rep.Writes++
		case 9:
			if i%50 == 49 {
				if err := s.Backup(filepath.Join(filepath.Dir(path), fmt.Sprintf("%s-%d.gloss", name, i))); err != nil {
					return fmt.Errorf("backup %d: %w", i, err)
				}
			}
		}
		n, _, err := otherSpans("")
		if err != nil {
			return fmt.Errorf("re-read %d: %w", i, err)
		}
		if n < rep.OtherSeen-writerEdits/10 { // the other deletes one in ten
			return fmt.Errorf("re-read %d: saw %d of %s's spans after %d", i, n, other, rep.OtherSeen)
		}
		rep.OtherSeen = max(rep.OtherSeen, n)
		if _, err := s.History(20); err != nil {
			return fmt.Errorf("history %d: %w", i, err)
		}
	}
	if rep.WaitedForPeer, err = meet("done", 500); err != nil {
		return err
	}
	start := time.Now()
	if err := s.Close(); err != nil {
		return err
	}
	rep.Close = time.Since(start)
	return json.NewEncoder(os.Stdout).Encode(rep)
}

// TestTwoProcessesOneFile: two processes write to one file at once. No
// error reaches either (no "database is locked": WAL, the busy timeout and
// store.write's retry absorb the contention), each sees the other's spans
// on re-reading, and in the end the file holds exactly what both reported.
func TestTwoProcessesOneFile(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "shared.gloss")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"alice", "bob"} {
		s.AddLabel(&annotate.Label{Name: n})
	}
	addDoc(t, s, "shared", strings.Repeat("x", 600))
	s.Close()

	began := time.Now()
	names := [2]string{"alice", "bob"}
	reports := make([]writerReport, 2)
	var wg sync.WaitGroup
	for i := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := helperCmd(t, "writer", path, names[i], names[1-i])
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || strings.Contains(stderr.String(), "locked") {
				t.Errorf("%s: %v\n%s", names[i], err, stderr.String())
				return
			}
			if err := json.Unmarshal(out, &reports[i]); err != nil {
				t.Errorf("%s: output %q: %v", names[i], out, err)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	integrity(t, path)
	s, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, _ := s.FindDocument("shared")
	spans, _ := s.Spans(doc.ID)
	have := map[string]bool{}
	for _, sp := range spans {
		have[sp.ID] = true
	}
	writes := 0
	for _, r := range reports {
		for _, id := range r.Added {
			if !have[id] {
				t.Errorf("%s's span %s is missing", r.Name, id)
			}
		}
		if want := len(r.Added); r.OtherSeen < want-writerEdits/10 {
			t.Errorf("%s saw only %d of the other's spans", r.Name, r.OtherSeen)
		}
		writes += r.Writes
		t.Logf("%s: %d writes, saw %d of the other's spans, waited %v for its last, closed in %v",
			r.Name, r.Writes, r.OtherSeen, r.WaitedForPeer.Round(time.Millisecond), r.Close.Round(time.Millisecond))
	}
	if want := len(reports[0].Added) + len(reports[1].Added) + 4; len(spans) != want {
		t.Errorf("%d spans in the file, want %d", len(spans), want)
	}
	t.Logf("two processes, %d committed writes, no error, %v", writes, time.Since(began).Round(time.Millisecond))
	for _, name := range names {
		for _, i := range []int{49, 99, 149, 199} {
			integrity(t, filepath.Join(filepath.Dir(path), name+"-"+strconv.Itoa(i)+".gloss"))
		}
	}
}
