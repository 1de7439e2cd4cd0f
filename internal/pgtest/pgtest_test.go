package pgtest

import (
	"context"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { Main(m) }

func TestNewDatabaseIsFreshAndWritable(t *testing.T) {
	ctx := context.Background()
	a, b := NewDatabase(t), NewDatabase(t)
	if a == b {
		t.Fatalf("two tests got the same database %s", a)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("new database has %d tables (%v), want 0", n, err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE t (x int); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	other, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	if err := other.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("a table made in one test's database shows in another's: %d (%v)", n, err)
	}
}

func TestServerSettings(t *testing.T) {
	ctx := context.Background()
	c := Shared(t)
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for name, want := range map[string]string{"listen_addresses": "127.0.0.1", "unix_socket_directories": "", "fsync": "off"} {
		var got string
		if err := conn.QueryRow(ctx, `SELECT current_setting($1)`, name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(c.Dir(), "data", "PG_VERSION")); err != nil {
		t.Errorf("the cluster is not in its own folder: %v", err)
	}
}

func TestStartAndStop(t *testing.T) {
	if _, err := FindBin(); err != nil {
		t.Skip(err)
	}
	c, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	url := c.URL("postgres")
	dir := c.Dir()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Stop left %s behind (%v)", dir, err)
	}
	if conn, err := pgx.Connect(context.Background(), url); err == nil {
		conn.Close(context.Background())
		t.Errorf("the server still accepts connections after Stop")
	}
}

func TestFindBinWithoutPostgres(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	old := libGlob
	libGlob = filepath.Join(t.TempDir(), "*", "bin")
	defer func() { libGlob = old }()
	if _, err := FindBin(); err != ErrNoPostgres {
		t.Fatalf("FindBin without PostgreSQL = %v, want ErrNoPostgres", err)
	}
}

// TestMissingPostgres runs this test binary again without PostgreSQL (an
// empty PATH, no /usr/lib/postgresql): a test asking for a database is
// skipped, and fails with CI=true, saying how to install it.
func TestMissingPostgres(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") == "1" {
		os.Setenv("PATH", t.TempDir())
		libGlob = filepath.Join(t.TempDir(), "*", "bin")
		NewDatabase(t)
		t.Log("NewDatabase " + "RETURNED")
		return
	}
	for _, c := range []struct {
		ci       string
		wantFail bool
		want     string
	}{{"", false, "--- SKIP"}, {"true", true, "--- FAIL"}} {
		cmd := osexec.Command(os.Args[0], "-test.run=^TestMissingPostgres$", "-test.v")
		cmd.Env = append(os.Environ(), "PGTEST_CHILD=1", "CI="+c.ci)
		out, err := cmd.CombinedOutput()
		if (err != nil) != c.wantFail || !strings.Contains(string(out), c.want) || !strings.Contains(string(out), "make test-deps") ||
			strings.Contains(string(out), "RETURNED") {
			t.Errorf("CI=%q: exit %v, output:\n%s", c.ci, err, out)
		}
	}
}
