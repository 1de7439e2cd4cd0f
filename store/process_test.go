package store

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Tests that need real processes (crash, concurrency, full disk, another
// user) re-run this test binary as a child: helperCmd starts it with
// GLOSS_TEST_ROLE set, and TestHelperProcess runs that role instead of
// being a test.

// roles are the things a child process can do, registered by test files.
var roles = map[string]func(args []string) error{}

// TestHelperProcess is not a test: it is the child side of helperCmd.
func TestHelperProcess(t *testing.T) {
	role := os.Getenv("GLOSS_TEST_ROLE")
	if role == "" {
		t.Skip("runs only as a child process of another test")
	}
	fn, ok := roles[role]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown role %q\n", role)
		os.Exit(3)
	}
	var args []string
	for i, a := range os.Args {
		if a == "--" {
			args = os.Args[i+1:]
			break
		}
	}
	if err := fn(args); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// helperCmd returns a command that runs role in a child process.
func helperCmd(t testing.TB, role string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "-test.count=1", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "GLOSS_TEST_ROLE="+role)
	return cmd
}

// integrity runs SQLite's full integrity check on a project file.
func integrity(t testing.TB, path string) {
	t.Helper()
	s, err := Open(path, Options{NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	defer s.Close()
	var res string
	if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
}
