package textview

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

const memoryChildEnv = "GLOSS_MEMORY_CHILD"

// TestMemoryChild is the child process of BenchmarkMemoryOpenDocument; it
// does nothing in a normal test run.
func TestMemoryChild(t *testing.T) {
	if os.Getenv(memoryChildEnv) == "" {
		t.Skip("runs only as BenchmarkMemoryOpenDocument's child process")
	}
	test.NewTempApp(t)
	text, spans, labels := benchDoc(1<<20, 10000)
	w := test.NewTempWindow(t, nil)
	v := New()
	v.SetDocument(text, spans, labels)
	w.SetContent(v)
	w.Resize(fyne.NewSize(900, 700))
	for i := 0; i < 20; i++ { // read a few pages, as a researcher would
		v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	}
	v.ScrollToOffset(len(v.Runes()) - 1)
	runtime.GC()
	fmt.Printf("peak-rss-kb %d\n", procStatus("VmHWM"))
}

// procStatus reads a kB figure from /proc/self/status.
func procStatus(key string) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return -1
}

// BenchmarkMemoryOpenDocument measures the peak resident memory of a fresh
// process that opens a 1 MB document with 10,000 spans in the view and
// pages through it (target: under 150 MB). It reports rss-MB.
func BenchmarkMemoryOpenDocument(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	peak := 0
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), memoryChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var kb int
		for _, line := range strings.Split(string(out), "\n") {
			if rest, ok := strings.CutPrefix(line, "peak-rss-kb "); ok {
				kb, _ = strconv.Atoi(rest)
			}
		}
		if kb <= 0 {
			b.Fatalf("child printed no figure:\n%s", out)
		}
		peak = max(peak, kb)
	}
	b.ReportMetric(float64(peak)/1024, "rss-MB")
}
