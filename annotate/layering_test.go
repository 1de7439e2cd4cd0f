package annotate

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// goList runs go list with a template over pkgs and returns its lines.
func goList(t *testing.T, template string, pkgs ...string) []string {
	t.Helper()
	args := append([]string{"list", "-f", template}, pkgs...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestPackageLayering enforces the dependency rules of docs/architecture.md.
// Run with -count=1: the test cache does not see the go list subprocess.
func TestPackageLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not on PATH")
	}
	// Direct imports (non-test files) that a package may not have.
	direct := []struct {
		pkg       string
		forbidden []string
	}{
		// The domain reads no files: formats and store do.
		{"gloss/annotate", []string{"os", "io/fs", "path/filepath", "database/sql", "fyne.io/", "gloss/"}},
		// Text units know nothing of Gloss.
		{"gloss/annotate/unitext", []string{"gloss/"}},
	}
	for _, r := range direct {
		imports := goList(t, `{{join .Imports "\n"}}`, r.pkg)
		for _, imp := range imports {
			for _, f := range r.forbidden {
				if imp == f || strings.HasSuffix(f, "/") && strings.HasPrefix(imp, f) {
					t.Errorf("%s imports %s, which the layering forbids", r.pkg, imp)
				}
			}
		}
	}
	// formats works on the domain, text units and the article readers only;
	// the article readers on the domain only (plus their extraction
	// libraries, which the dependency rules below keep off the window and
	// the database).
	for pkg, allowed := range map[string][]string{
		"gloss/annotate/formats":         {"gloss/annotate", "gloss/annotate/unitext", "gloss/annotate/formats/article"},
		"gloss/annotate/formats/article": {"gloss/annotate", "gloss/annotate/unitext"},
	} {
		for _, imp := range goList(t, `{{join .Imports "\n"}}`, pkg) {
			if strings.HasPrefix(imp, "gloss/") && !slices.Contains(allowed, imp) {
				t.Errorf("%s imports %s: it may import only %v", pkg, imp, allowed)
			}
		}
	}
	// Everything a package pulls in, directly or not.
	deps := []struct {
		pkg       string
		forbidden []string
	}{
		{"gloss/annotate/...", []string{"fyne.io/", "database/sql", "gloss/store", "gloss/app"}},
		{"gloss/store", []string{"fyne.io/", "gloss/app"}},
		{"gloss/app/...", []string{"gloss/store", "database/sql", "github.com/mattn/go-sqlite3"}},
		{"gloss/cmd/gloss-cli", []string{"fyne.io/", "gloss/app"}},
		{"gloss/assets", []string{"fyne.io/", "gloss/store", "gloss/app"}},
	}
	for _, r := range deps {
		for _, dep := range goList(t, "{{.ImportPath}}", "-deps", r.pkg) {
			for _, f := range r.forbidden {
				if dep == f || strings.HasPrefix(dep, f) {
					t.Errorf("%s depends on %s, which the layering forbids", r.pkg, dep)
				}
			}
		}
	}
	// Only the binaries bring the window and the project file together.
	for _, line := range goList(t, `{{.ImportPath}} {{join .Deps " "}}`, "gloss/...") {
		pkg, rest, _ := strings.Cut(line, " ")
		deps := " " + rest + " "
		if strings.Contains(deps, " gloss/app ") && strings.Contains(deps, " gloss/store ") && !strings.HasPrefix(pkg, "gloss/cmd/") {
			t.Errorf("%s depends on both gloss/app and gloss/store: only cmd/* may", pkg)
		}
	}
}
