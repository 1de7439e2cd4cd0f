//go:build unix

package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestRestoreFollowsLinkAndKeepsMode: restoring a project reached through a
// symbolic link restores its target and leaves the link; the restored file
// keeps the project's permissions (0664 here) whether it was sound (copied
// in place), damaged or empty (replaced by a renamed copy), and a project
// that did not exist gets a new project's (0644 less the umask).
func TestRestoreFollowsLinkAndKeepsMode(t *testing.T) {
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.gloss")
	s, err := Open(backup, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "one", "the backup's document")
	addDoc(t, s, "two", "and another")
	s.Close()

	for _, state := range []string{"sound", "damaged", "empty", "missing"} {
		t.Run(state, func(t *testing.T) {
			sub := t.TempDir()
			real := filepath.Join(sub, "data", "p.gloss")
			os.Mkdir(filepath.Dir(real), 0o755)
			link := filepath.Join(sub, "link.gloss")
			if err := os.Symlink(filepath.Join("data", "p.gloss"), link); err != nil {
				t.Fatal(err)
			}
			switch state {
			case "sound":
				s, err := Open(real, Options{NoBackup: true})
				if err != nil {
					t.Fatal(err)
				}
				addDoc(t, s, "current", "text")
				s.Close()
			case "damaged":
				soundProject(t, real)
				os.WriteFile(real, corruptPages(t, real), 0o644)
			case "empty":
				os.WriteFile(real, nil, 0o644)
			}
			want := os.FileMode(0o664)
			if state == "missing" {
				want = 0o644 &^ os.FileMode(umask)
			} else {
				os.Chmod(real, 0o664)
			}
			if err := Restore(link, backup); err != nil {
				t.Fatal(err)
			}
			if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("the link was replaced: %v, %v", info.Mode(), err)
			}
			info, err := os.Stat(real)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm() != want {
				t.Errorf("restored project has mode %v; want %v", info.Mode().Perm(), want)
			}
			s, err := Open(link, Options{NoBackup: true, NoCreate: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if docs, _ := s.Documents(); len(docs) != 2 {
				t.Errorf("%d documents through the link; want the backup's 2", len(docs))
			}
		})
	}
}
