package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	dir  string // the temporary folder: data/ and server.log
	port int
	cmd  *exec.Cmd
	done chan struct{} // closed when the server process has exited
	err  error         // why it exited, once done is closed
	// release lets go of the OS thread that started the server. Linux
	// sends the parent-death signal (Pdeathsig) when the *thread* that
	// forked the child ends, not the process; Go ends a thread when a
	// goroutine locked to it exits (as Gloss's low-priority check does),
	// so the server is started on a thread of its own, held until Stop.
	release chan struct{}

	mu   sync.Mutex
	next int // the number of the next database NewDatabase makes
}

// Start runs initdb in a new temporary folder and starts the server on
// 127.0.0.1 at a free port. When the process runs as root (which initdb
// refuses), initdb and the server run as the user nobody, who owns the
// folder. Stop stops the server and removes the folder.
func Start() (*Cluster, error) {
	bin, err := FindBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "gloss-pgtest-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir}
	cred, err := serverUser()
	if err == nil {
		err = c.initdb(bin, cred)
	}
	for attempt := 0; err == nil && attempt < 3; attempt++ {
		if err = c.start(bin, cred); err == nil {
			return c, nil
		}
	}
	os.RemoveAll(dir)
	return nil, err
}

// serverUser is the user initdb and the server run as: nil (this process's
// user) unless this process is root, then nobody.
func serverUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root, and initdb refuses root: no user nobody to run it as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
}

func (c *Cluster) command(cred *syscall.Credential, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = c.dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "LC_ALL=C", "TZ=UTC", "HOME=" + c.dir}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	return cmd
}

// initdb makes the cluster in dir/data, owned by the server's user.
func (c *Cluster) initdb(bin string, cred *syscall.Credential) error {
	if cred != nil {
		// The folder must be the server user's, and its parent traversable.
		if err := os.Chown(c.dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return err
		}
	}
	cmd := c.command(cred, filepath.Join(bin, "initdb"), "-D", filepath.Join(c.dir, "data"),
		"-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	cmd.SysProcAttr.Pdeathsig = 0 // initdb ends by itself; the thread that forks it may end first (see release)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pgtest: initdb in %s: %v\n%s", c.dir, err, out)
	}
	conf := strings.Join([]string{
		"listen_addresses = '127.0.0.1'",
		"unix_socket_directories = ''", // TCP on loopback only: no socket anywhere
		"fsync = off",
		"synchronous_commit = off",
		"full_page_writes = off",
		"max_connections = 300",
		"dynamic_shared_memory_type = mmap",
		"log_min_messages = warning",
		"",
	}, "\n")
	f, err := os.OpenFile(filepath.Join(c.dir, "data", "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(conf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// start runs the server at a free port and waits until it accepts connections.
func (c *Cluster) start(bin string, cred *syscall.Credential) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	logf, err := os.Create(filepath.Join(c.dir, "server.log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := c.command(cred, filepath.Join(bin, "postgres"), "-D", filepath.Join(c.dir, "data"), "-p", strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := c.startHeld(cmd); err != nil {
		return fmt.Errorf("pgtest: start postgres: %w", err)
	}
	c.cmd, c.port, c.done = cmd, port, make(chan struct{})
	go func() { c.err = cmd.Wait(); close(c.done) }()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, c.URL("postgres"))
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case <-c.done:
			c.let()
			log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
			return fmt.Errorf("pgtest: postgres exited (%v):\n%s", c.err, log)
		case <-ctx.Done():
			cmd.Process.Kill()
			<-c.done
			c.let()
			return fmt.Errorf("pgtest: postgres did not accept connections in 30 s: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// startHeld starts cmd from an OS thread locked to a goroutine that stays
// until Stop closes c.release, so that the thread (whose end would send
// the server its parent-death signal) outlives the server.
func (c *Cluster) startHeld(cmd *exec.Cmd) error {
	release := make(chan struct{})
	c.release = release
	started := make(chan error)
	go func() {
		runtime.LockOSThread()
		err := cmd.Start()
		started <- err
		if err == nil {
			<-release
		}
		runtime.UnlockOSThread()
	}()
	return <-started
}

// let releases the thread that started the server, once it has exited.
func (c *Cluster) let() {
	if c.release != nil {
		close(c.release)
		c.release = nil
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Port is the TCP port the server listens on (on 127.0.0.1).
func (c *Cluster) Port() int { return c.port }

// Dir is the cluster's temporary folder.
func (c *Cluster) Dir() string { return c.dir }

// URL is the connection URL of database db as the superuser postgres.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

// CreateDatabase makes a new empty database and returns its URL.
func (c *Cluster) CreateDatabase(ctx context.Context) (string, error) {
	c.mu.Lock()
	c.next++
	name := fmt.Sprintf("gloss_test_%d", c.next)
	c.mu.Unlock()
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		return "", fmt.Errorf("pgtest: create database: %w", err)
	}
	return c.URL(name), nil
}

// Stop shuts the server down (a fast shutdown: SIGINT, as pg_ctl stop -m
// fast does), waits for it and removes the cluster's folder.
func (c *Cluster) Stop() error {
	var err error
	if c.cmd != nil && c.cmd.Process != nil {
		c.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-c.done:
		case <-time.After(30 * time.Second):
			c.cmd.Process.Kill()
			<-c.done
			err = errors.New("pgtest: postgres did not stop in 30 s; killed")
		}
	}
	c.let()
	if rerr := os.RemoveAll(c.dir); err == nil {
		err = rerr
	}
	return err
}
