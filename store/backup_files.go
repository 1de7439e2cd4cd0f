package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Where backups live and how they are named:
// <dir>/.<name>.backups/<name>-YYYYMMDD-HHMMSS[-N].gloss next to the
// project, or <user data>/gloss/backups/<name>-<hash of the path>/ when
// the project's folder cannot be written.

const backupTimeLayout = "20060102-150405"

// backupFile is a listed backup with what sorting and pruning need.
type backupFile struct {
	BackupInfo
	n   int       // the -N suffix of a second backup in the same second
	mod time.Time // the project's modification time when it was copied
}

// backupBase is the project's file name without its extension.
func backupBase(abs string) string {
	b := filepath.Base(abs)
	if e := filepath.Ext(b); e != "" && e != b {
		b = strings.TrimSuffix(b, e)
	}
	return b
}

// backupDirs returns the folders a project's backups go to, in order of
// preference: next to the project, then the user's data folder.
func backupDirs(abs string) []string {
	dirs := []string{filepath.Join(filepath.Dir(abs), "."+backupBase(abs)+".backups")}
	if data, err := userDataDir(); err == nil {
		sum := sha256.Sum256([]byte(abs))
		dirs = append(dirs, filepath.Join(data, "gloss", "backups", backupBase(abs)+"-"+hex.EncodeToString(sum[:4])))
	}
	return dirs
}

// userDataDir is where the user's application data lives: $XDG_DATA_HOME
// or ~/.local/share on Linux and BSD, the roaming AppData folder on
// Windows, ~/Library/Application Support on macOS.
func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		return os.UserConfigDir()
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// newBackupPath names a new backup made at t, unique in dir and sorting
// after every backup already there (even if the clock went back).
func newBackupPath(dir, base string, t time.Time) string {
	t = t.UTC().Truncate(time.Second)
	n := 0
	if list, _ := listBackups(dir, base); len(list) > 0 && !list[0].Time.Before(t) {
		t, n = list[0].Time, max(list[0].n, 1)+1
	}
	for ; ; n++ {
		p := filepath.Join(dir, base+"-"+t.Format(backupTimeLayout))
		if n > 0 {
			p += "-" + strconv.Itoa(n)
		}
		p += ".gloss"
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			return p
		}
		n = max(n, 1)
	}
}

var backupNameRE = regexp.MustCompile(`^-(\d{8}-\d{6})(?:-(\d+))?\.gloss$`)

// listBackups returns the backups of the project named base in dir, newest
// first. A missing folder has none.
func listBackups(dir, base string) ([]backupFile, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, nil // no such folder, or a file in its way: no backups there
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []backupFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, base+"-") {
			continue
		}
		m := backupNameRE.FindStringSubmatch(name[len(base):])
		if m == nil {
			continue
		}
		t, err := time.Parse(backupTimeLayout, m[1])
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		out = append(out, backupFile{BackupInfo{Path: filepath.Join(dir, name), Time: t, Size: info.Size()}, n, info.ModTime()})
	}
	sortBackups(out)
	return out, nil
}

// sortBackups orders backups newest first.
func sortBackups(list []backupFile) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		return a.n > b.n
	})
}

// pruneBackups removes all but the newest keep backups in dir, and
// temporary files that a backup interrupted an hour or more ago left.
func pruneBackups(dir, base string, keep int) {
	list, err := listBackups(dir, base)
	if err != nil {
		return
	}
	for i := keep; i < len(list); i++ {
		os.Remove(list[i].Path)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "."+base+"-") || !strings.Contains(e.Name(), ".tmp-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// claimName gives the finished file tmp the name dest, failing with
// os.ErrExist rather than replacing a file another process put there
// meanwhile. A hard link does that atomically; where links are not
// supported (FAT, some network shares) it checks, then renames.
func claimName(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, dest)
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
