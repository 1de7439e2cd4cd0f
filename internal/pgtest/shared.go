package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
)

var shared struct {
	once    sync.Once
	cluster *Cluster
	err     error
}

// Main runs a package's tests (call it from TestMain) and then stops the
// package's shared cluster, if a test started one.
func Main(m *testing.M) {
	code := m.Run()
	if shared.cluster != nil {
		if err := shared.cluster.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	os.Exit(code)
}

// Shared returns the package's cluster, starting it on first use. Without
// PostgreSQL the test is skipped, or fails when the environment variable CI
// is true; any other failure to start fails the test.
func Shared(tb testing.TB) *Cluster {
	tb.Helper()
	shared.once.Do(func() { shared.cluster, shared.err = Start() })
	switch {
	case errors.Is(shared.err, ErrNoPostgres) && os.Getenv("CI") != "true":
		tb.Skip(shared.err)
	case shared.err != nil:
		tb.Fatal(shared.err)
	}
	return shared.cluster
}

// NewDatabase returns the URL of a new empty database on the shared
// cluster (see Shared), for one test.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	url, err := Shared(tb).CreateDatabase(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return url
}
