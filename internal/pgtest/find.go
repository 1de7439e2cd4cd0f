// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb in
// a temporary folder, the server listening on 127.0.0.1 at a free port with
// trust authentication and no Unix socket, fsync off. Each test gets a
// fresh database of its own. Nothing from the developer's machine is used
// but the PostgreSQL programs (`make test-deps` installs them).
//
// A test package uses it from TestMain:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
//	func TestX(t *testing.T) {
//		url := pgtest.NewDatabase(t) // skips (or fails with CI=true) without PostgreSQL
//		...
//	}
package pgtest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoPostgres is returned by FindBin when initdb and postgres cannot be found.
var ErrNoPostgres = errors.New("PostgreSQL server programs (initdb, postgres) not found on PATH or in /usr/lib/postgresql/*/bin: `make test-deps` installs them")

// libGlob is where Debian and Ubuntu install the server programs, one
// folder per major version.
var libGlob = "/usr/lib/postgresql/*/bin"

// FindBin returns the folder holding initdb and postgres: the folder of
// initdb on PATH when postgres is beside it, else the newest
// /usr/lib/postgresql/N/bin that has both.
func FindBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		dir := filepath.Dir(p)
		if isExec(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob(libGlob)
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", ErrNoPostgres
}

// version is N of /usr/lib/postgresql/N/bin, 0 when it is not a number.
func version(dir string) int {
	n, _ := strconv.Atoi(strings.Split(filepath.Base(filepath.Dir(dir)), ".")[0])
	return n
}

func isExec(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}
