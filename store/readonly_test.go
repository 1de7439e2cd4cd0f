//go:build unix

package store

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gloss/annotate"
)

func init() { roles["readonly"] = readOnlyChild }

// readOnlyResult is what opening one file as a user without write access gave.
type readOnlyResult struct {
	Open     string // error, "" if it opened
	ReadOnly bool
	Docs     int
	Write    string // the error of an attempted edit
}

// readOnlyChild opens each path it is given, reads, tries an edit, and
// prints what happened.
func readOnlyChild(args []string) error {
	out := map[string]readOnlyResult{}
	for _, p := range args {
		var r readOnlyResult
		s, err := Open(p, Options{})
		if err != nil {
			r.Open = err.Error()
			out[p] = r
			continue
		}
		r.ReadOnly = s.ReadOnly()
		docs, err := s.Documents()
		if err != nil {
			r.Open = "documents: " + err.Error()
		}
		r.Docs = len(docs)
		if len(docs) > 0 {
			r.Write = errText(s.SetStatus(docs[0].ID, annotate.StatusDone))
		}
		s.Close()
		out[p] = r
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

// TestOpenWithoutWriteAccess: as a user who may not write the file (or its
// folder), a project opens read-only: it reads, an edit is refused with a
// message saying the project is read-only, and the file is not changed.
// Run as root, the test re-runs itself as the user nobody, since root may
// write anything.
func TestOpenWithoutWriteAccess(t *testing.T) {
	base, err := os.MkdirTemp("", "gloss-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(base, 0o755); filepath.Walk(base, chmodW); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	mk := func(name string, fileMode, dirMode os.FileMode) string {
		dir := filepath.Join(base, name)
		os.Mkdir(dir, 0o755)
		p := filepath.Join(dir, "p.gloss")
		s, err := Open(p, Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		addDoc(t, s, "doc", "some text")
		s.Close()
		os.Chmod(p, fileMode)
		os.Chmod(dir, dirMode)
		if os.Geteuid() == 0 {
			os.Chown(dir, 65534, 65534) // the child runs as nobody
			os.Chown(p, 65534, 65534)
		}
		return p
	}
	files := map[string]string{
		"read-only file":                       mk("rofile", 0o444, 0o755),
		"read-only file in a read-only folder": mk("romedia", 0o444, 0o555),
		"writable file in a read-only folder":  mk("rodir", 0o644, 0o555),
	}
	var args []string
	hashes := map[string][32]byte{}
	for _, p := range files {
		args = append(args, p)
		hashes[p] = fileHash(t, p)
	}
	var cmd = helperCmd(t, "readonly", args...)
	if os.Geteuid() == 0 {
		bin := filepath.Join(base, "store.test")
		if err := copyExecutable(os.Args[0], bin); err != nil {
			t.Fatal(err)
		}
		cmd = helperCmd(t, "readonly", args...)
		cmd.Path, cmd.Args[0] = bin, bin
		cmd.Dir = base
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Env = append(cmd.Env, "HOME="+base, "XDG_DATA_HOME="+base, "GOCACHE="+base, "TMPDIR="+base)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	var res map[string]readOnlyResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	for name, p := range files {
		r := res[p]
		t.Logf("%s: %+v", name, r)
		if r.Open != "" || !r.ReadOnly || r.Docs != 1 {
			t.Errorf("%s: opened %q, read-only %v, %d documents; want it open read-only with 1 document", name, r.Open, r.ReadOnly, r.Docs)
		}
		if !strings.Contains(r.Write, "read-only") {
			t.Errorf("%s: edit gave %q, want a read-only error", name, r.Write)
		}
		if fileHash(t, p) != hashes[p] {
			t.Errorf("%s: file changed", name)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), ".p.backups")); err == nil {
			t.Errorf("%s: a backup folder was made for a read-only project", name)
		}
	}
}

func chmodW(p string, info os.FileInfo, err error) error {
	if err == nil {
		os.Chmod(p, info.Mode().Perm()|0o200)
	}
	return nil
}

func copyExecutable(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
