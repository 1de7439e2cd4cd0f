//go:build unix

package formats

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestExportRespectsUmask: an exported file gets the mode any program's new
// file gets, 0666 less the umask (issue 16, item 8), not a fixed 0644.
func TestExportRespectsUmask(t *testing.T) {
	f, err := Lookup("gloss")
	if err != nil {
		t.Fatal(err)
	}
	for _, mask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(mask)
		path := filepath.Join(t.TempDir(), "out.json")
		_, err := ExportFile(context.Background(), f, threeDocs(t), path)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := info.Mode().Perm(), os.FileMode(0o666&^mask); got != want {
			t.Errorf("umask %03o: export mode %03o, want %03o", mask, got, want)
		}
		// A folder export: the folder 0777 less the umask, its files 0666 less it.
		old = syscall.Umask(mask)
		dir := filepath.Join(t.TempDir(), "brat")
		_, err = ExportFile(context.Background(), bratFormat, threeDocs(t), dir)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			want := os.FileMode(0o666 &^ mask)
			if d.IsDir() {
				want = os.FileMode(0o777 &^ mask)
			}
			if info.Mode().Perm() != want {
				t.Errorf("umask %03o: %s has mode %03o, want %03o", mask, p, info.Mode().Perm(), want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
