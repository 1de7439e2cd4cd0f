package app_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes the projects the window benchmarks wrote (once per
// process, so that each size is generated once) after every test ran.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, p := range benchProjects {
		os.RemoveAll(filepath.Dir(p))
	}
	os.Exit(code)
}
