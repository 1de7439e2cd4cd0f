package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestFileDialogsRememberTheLastFolder: a folder chosen in one file dialog
// is where the next one opens, also in a new window (the preference), and
// a folder since removed is forgotten.
func TestFileDialogsRememberTheLastFolder(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	f := &fileDialogs{s: &session{}, win: test.NewTempWindow(t, nil), prefs: a.Preferences()}
	if f.startDir() != nil {
		t.Fatal("a first dialog without a project or a last folder has a start folder")
	}
	f.remember(dir)
	again := &fileDialogs{s: &session{}, win: test.NewTempWindow(t, nil), prefs: a.Preferences()}
	if got := again.startDir(); got == nil || got.Path() != dir {
		t.Fatalf("start folder %v, want %s", got, dir)
	}
	gone := filepath.Join(dir, "gone")
	if err := os.Mkdir(gone, 0o755); err != nil {
		t.Fatal(err)
	}
	f.remember(gone)
	os.Remove(gone)
	if got := f.startDir(); got != nil {
		t.Errorf("a removed folder is still the start folder: %v", got)
	}
}
