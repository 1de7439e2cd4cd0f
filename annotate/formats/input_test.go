package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadCapsEveryInput: the plan's cap applies to files read alone and
// to each file of a brat folder; a FIFO in a folder walk is left out with
// a reason, and one named alone is refused before any read blocks.
func TestLoadCapsEveryInput(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(strings.Repeat("x", 200)), 0o644)
	os.WriteFile(filepath.Join(corpus, "a.ann"), []byte("T1\tclaim 0 3\txxx\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(corpus, "b.ann"), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanPaths([]string{corpus}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	var skipped bool
	for _, s := range plan.Skipped {
		skipped = skipped || s.Path == filepath.Join(corpus, "b.ann") && s.Reason == SkipNotRegular
	}
	if !skipped {
		t.Errorf("the FIFO is not reported: %+v", plan.Skipped)
	}
	if _, err := Load(context.Background(), plan, nil); err != nil {
		t.Fatalf("default cap: %v", err)
	}
	plan.MaxInput = 100
	_, err = Load(context.Background(), plan, nil)
	if err == nil || !strings.Contains(err.Error(), "a.txt: 200 bytes is more than the 100 bytes") {
		t.Errorf("brat text over the cap: %v", err)
	}
	if _, err := PlanPaths([]string{filepath.Join(corpus, "b.ann")}, "auto"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO named alone: %v", err)
	}
}
