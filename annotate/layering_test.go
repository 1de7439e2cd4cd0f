package annotate

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageLayering enforces the dependency rules of DESIGN.md. Run with
// -count=1: the test cache does not see the go list subprocess.
func TestPackageLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not on PATH")
	}
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"gloss/annotate", []string{"fyne.io/", "database/sql", "gloss/store", "gloss/app"}},
		{"gloss/store", []string{"fyne.io/", "gloss/app"}},
		{"gloss/app/...", []string{"gloss/store", "database/sql", "github.com/mattn/go-sqlite3"}},
		{"gloss/cmd/gloss-cli", []string{"fyne.io/", "gloss/app"}},
		{"gloss/assets", []string{"fyne.io/", "gloss/store", "gloss/app"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", r.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", r.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, f := range r.forbidden {
				if dep == f || strings.HasPrefix(dep, f) {
					t.Errorf("%s depends on %s, which the layering forbids", r.pkg, dep)
				}
			}
		}
	}
}
