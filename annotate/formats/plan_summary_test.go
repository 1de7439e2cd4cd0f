package formats

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gloss/internal/fixture"
)

// TestPlanSummaryOfArticleFolder: the summary of a mixed folder counts its
// files by detected format and names what it skipped and why, in full
// (gloss-cli) and on one line (the window's status bar).
func TestPlanSummaryOfArticleFolder(t *testing.T) {
	dir := fixture.ArticleFolder(t)
	plan, err := PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	files, byFormat := plan.Took()
	wantBy := []FormatCount{{"csv", 2}, {"docx", 1}, {"html", 1}, {"jsonl", 1}, {"text", 1}}
	if files != 6 || !reflect.DeepEqual(byFormat, wantBy) {
		t.Errorf("Took() = %d, %v; want 6, %v", files, byFormat, wantBy)
	}
	photo := filepath.Join(dir, "photo.png")
	want := "took 6 files: 2 csv, 1 docx, 1 html, 1 jsonl, 1 text\n" +
		"skipped 1 file or folder:\n" +
		"  1 " + SkipNotText + ": " + photo + "\n"
	if got := plan.Summary(); got != want {
		t.Errorf("Summary() =\n%s\nwant\n%s", got, want)
	}
	wantShort := "6 files (2 csv, 1 docx, 1 html, 1 jsonl, 1 text); skipped photo.png (not imported from folders)"
	if got := plan.ShortSummary(); got != wantShort {
		t.Errorf("ShortSummary() =\n%q\nwant\n%q", got, wantShort)
	}
}

// TestPlanSummaryGroupsManySkips: skips are grouped by reason in the order
// met; the full summary names at most SkipExamples paths per reason, the
// short one only counts them.
func TestPlanSummaryGroupsManySkips(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "one")
	for i := range SkipExamples + 2 {
		write(fmt.Sprintf(".h%d.txt", i), "hidden")
	}
	write("z.png", "x")
	plan, err := PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	groups := plan.SkippedByReason()
	if len(groups) != 2 || groups[0].Reason != SkipHidden || len(groups[0].Paths) != SkipExamples+2 ||
		groups[1].Reason != SkipNotText || len(groups[1].Paths) != 1 {
		t.Fatalf("SkippedByReason() = %v", groups)
	}
	sum := plan.Summary()
	if !strings.HasPrefix(sum, "took 1 file: 1 text\nskipped 8 files or folders:\n  7 hidden: ") ||
		!strings.Contains(sum, ".h4.txt and 2 more\n") || strings.Contains(sum, ".h5.txt") {
		t.Errorf("Summary() =\n%s", sum)
	}
	want := "1 file (1 text); skipped 8 (7 hidden, 1 not imported from folders)"
	if got := plan.ShortSummary(); got != want {
		t.Errorf("ShortSummary() = %q\nwant %q", got, want)
	}
	// A reason without a short form is cut to its first clause.
	plan.Skipped = []Skip{{filepath.Join(dir, "x.conll"), notOfFormat(textFormat)}}
	if got := plan.ShortSkipped(); got != "skipped x.conll (not a text file)" {
		t.Errorf("ShortSkipped() = %q", got)
	}
	plan.Skipped = nil
	if got := plan.ShortSummary(); got != "1 file (1 text)" {
		t.Errorf("ShortSummary() with nothing skipped = %q", got)
	}
}
