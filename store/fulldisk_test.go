//go:build unix

package store

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"gloss/annotate"
)

func init() { roles["fsize"] = fsizeChild }

// fsizeChild runs the full-disk scenario under a file size limit: every
// write past limit bytes fails as it would on a full disk, and SIGXFSZ
// (which would kill the process) is ignored so that the write returns an error.
func fsizeChild(args []string) error {
	limit, err := strconv.ParseUint(args[1], 10, 64)
	if err != nil {
		return err
	}
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(writeOnFullDisk(args[0], args[2]))
}

// fullDiskResult is what each step of the scenario returned ("" = success).
type fullDiskResult struct {
	New, Open, Backup, Import, Small string
	SmallID                          string
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// writeOnFullDisk tries, where the disk is (nearly) full: creating project
// newPath, opening the existing project at path (with its rolling backup),
// importing a large batch, and adding one small span.
func writeOnFullDisk(path, newPath string) fullDiskResult {
	var r fullDiskResult
	if s, err := Open(newPath, Options{}); err == nil {
		s.Close()
	} else {
		r.New = err.Error()
	}
	s, err := Open(path, Options{Annotator: "disk"})
	if err != nil {
		r.Open = err.Error()
		return r
	}
	defer s.Close()
	_, err = s.OpenBackup()
	r.Backup = errText(err)
	_, err = s.Import(textBatch("big", 400, 5000))
	r.Import = errText(err)
	docs, err := s.Documents()
	labels, lerr := s.Labels()
	if err != nil || lerr != nil || len(docs) == 0 || len(labels) == 0 {
		r.Small = fmt.Sprint("cannot read project: ", err, lerr)
		return r
	}
	sp := annotate.NewSpan(docs[0].ID, 0, 3, labels[0].ID)
	r.Small, r.SmallID = errText(s.AddSpan(sp)), sp.ID
	return r
}

// textBatch returns n documents of about size bytes each, titled prefix-i.
func textBatch(prefix string, n, size int) *annotate.Batch {
	b := &annotate.Batch{}
	sentence := "Officials in Zürich said the partnership is stable 🤝 and trade will grow. "
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("%s %d: ", prefix, i) + strings.Repeat(sentence, size/len(sentence)+1)
		b.Documents = append(b.Documents, annotate.NewDocument(fmt.Sprintf("%s-%d", prefix, i), text, ""))
	}
	return b
}

// diskProject creates a project of about 1 MB: one label, 200 documents.
func diskProject(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.AddLabel(&annotate.Label{Name: "claim"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(textBatch("doc", 200, 5000)); err != nil {
		t.Fatal(err)
	}
}

func fileHash(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func runFsizeChild(t *testing.T, path, newPath string, limit int) fullDiskResult {
	t.Helper()
	out, err := helperCmd(t, "fsize", path, strconv.Itoa(limit), newPath).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("child with a %d-byte size limit crashed: %v\n%s", limit, err, msg)
	}
	var r fullDiskResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	oneLineErrors(t, r)
	return r
}

// TestFullDiskFileSizeLimit: with writes limited (RLIMIT_FSIZE) a project
// still opens, the failed rolling backup and the failed import say so
// clearly, nothing of the import is stored, a small edit still saves, no
// temporary file is left, and the file passes SQLite's integrity check.
// With no room at all, nothing is created and the project is unchanged.
func TestFullDiskFileSizeLimit(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // where backups go when next to the project fails
	dir := t.TempDir()
	path := filepath.Join(dir, "p.gloss")
	diskProject(t, path)
	info, _ := os.Stat(path)

	t.Run("some room", func(t *testing.T) {
		r := runFsizeChild(t, path, filepath.Join(dir, "new1.gloss"), int(info.Size()/2))
		t.Logf("project %d bytes, limit %d: %+v", info.Size(), info.Size()/2, r)
		if r.Open != "" || r.Small != "" {
			t.Fatalf("open %q, small edit %q: want both to work", r.Open, r.Small)
		}
		if !strings.Contains(r.Backup, "could not back up") || !strings.Contains(r.Import, "nothing was changed") {
			t.Errorf("backup error %q, import error %q: want clear messages", r.Backup, r.Import)
		}
		s, err := Open(path, Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		docs, _ := s.Documents()
		_, spanErr := s.Span(r.SmallID)
		s.Close()
		if len(docs) != 200 || spanErr != nil {
			t.Errorf("after: %d documents (want 200: import wholly absent), small span: %v", len(docs), spanErr)
		}
		integrity(t, path)
		noTempFiles(t, dir)
	})
	t.Run("no room", func(t *testing.T) {
		before := fileHash(t, path)
		newPath := filepath.Join(dir, "new0.gloss")
		r := runFsizeChild(t, path, newPath, 0)
		t.Logf("limit 0: %+v", r)
		if r.New == "" {
			t.Error("creating a project with no room succeeded")
		}
		if _, err := os.Stat(newPath); err == nil {
			t.Error("a project that could not be created left a file behind")
		}
		if r.Open == "" && r.Small == "" {
			t.Error("a write with no room succeeded")
		}
		if fileHash(t, path) != before {
			t.Error("project changed")
		}
		integrity(t, path)
		noTempFiles(t, dir)
	})
}

// oneLineErrors fails if an error message would not fit one line of a dialog.
func oneLineErrors(t *testing.T, r fullDiskResult) {
	t.Helper()
	for _, msg := range []string{r.New, r.Open, r.Backup, r.Import, r.Small} {
		if strings.Contains(msg, "\n") {
			t.Errorf("message of several lines: %q", msg)
		}
	}
}

// noTempFiles fails if a backup or export left a temporary file under dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}
