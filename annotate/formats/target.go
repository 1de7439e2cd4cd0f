package formats

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gloss/annotate"
)

// Guards of every export (ExportFile): an export never writes over the
// project it comes from or the files SQLite and the backups keep beside
// it, and writes only regular files.

// sqliteMagic starts every SQLite database file (a project, a backup).
var sqliteMagic = []byte("SQLite format 3\x00")

// projectCompanions are the suffixes of the files SQLite keeps beside a
// database: a write-ahead log, its index and a rollback journal.
var projectCompanions = []string{"-wal", "-shm", "-journal"}

// backupName matches a rolling backup's file name (see store's backups).
var backupName = regexp.MustCompile(`-\d{8}-\d{6}(-\d+)?\.gloss$`)

// pather is a source that knows its project file (store.Store does).
type pather interface{ Path() string }

// resolveTarget returns the path an export to path really writes to: the
// parent folder with every symbolic link and ".." resolved as the system
// would, and a link at path itself followed to its end. It refuses (naming
// path) a target that is the project of src or one of its companions
// (-wal, -shm, -journal, its backups folder), any SQLite database or WAL,
// and a target that exists but is not a regular file (for a file export)
// or not a folder (for a folder export, wantDir).
func resolveTarget(path string, src annotate.Source, wantDir bool) (string, error) {
	final, err := physicalPath(path)
	if err != nil {
		return "", err
	}
	info, err := os.Lstat(final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		info = nil
	case err != nil:
		return "", refuse(path, "%v", unwrapPathError(err))
	case wantDir && !info.IsDir():
		return "", refuse(path, "it is %s, not a folder", kindOf(info))
	case !wantDir && !info.Mode().IsRegular():
		return "", refuse(path, "it is %s: an export writes only regular files", kindOf(info))
	}
	if p, ok := src.(pather); ok && p.Path() != "" {
		if err := notProject(path, final, info, p.Path()); err != nil {
			return "", err
		}
	}
	if err := notDatabase(path, final, info); err != nil {
		return "", err
	}
	return final, nil
}

// physicalPath resolves path's parent folder through symbolic links and
// "..", in the order the system does, and follows a link at path itself
// (refusing one that leads nowhere).
func physicalPath(path string) (string, error) {
	if path == "" {
		return "", annotate.Errorf(annotate.EINVALID, "export: no output path")
	}
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		p, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", refuse(path, "it is a symbolic link to nothing that exists")
		}
		return filepath.Abs(p)
	}
	dir, base := splitLast(path)
	if base == "" || base == "." || base == ".." {
		r, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", refuse(path, "%v", unwrapPathError(err))
		}
		return filepath.Abs(r)
	}
	rdir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", refuse(path, "its folder: %v", unwrapPathError(err))
	}
	rdir, err = filepath.Abs(rdir)
	if err != nil {
		return "", refuse(path, "%v", err)
	}
	return filepath.Join(rdir, base), nil
}

// splitLast splits path at its last separator without cleaning it (which
// would resolve ".." before the symbolic links it follows).
func splitLast(path string) (dir, base string) {
	i := strings.LastIndexAny(path, string(filepath.Separator)+"/")
	if i < 0 {
		return ".", path
	}
	if i == 0 {
		return path[:1], path[1:]
	}
	return path[:i], path[i+1:]
}

// notProject refuses final when it is the project at project, one of its
// companions or inside its backups folder, by name or (for hard links) by
// file identity.
func notProject(path, final string, info fs.FileInfo, project string) error {
	pfinal, err := physicalPath(project)
	if err != nil {
		pfinal = filepath.Clean(project)
	}
	if final == pfinal {
		return refuse(path, "it is the project file itself")
	}
	if pinfo, err := os.Stat(pfinal); err == nil && info != nil && os.SameFile(info, pinfo) {
		return refuse(path, "it is the project file itself (another name for it)")
	}
	for _, suf := range projectCompanions {
		if final == pfinal+suf {
			return refuse(path, "it is the project's %s file, which SQLite keeps beside it", suf)
		}
		if cinfo, err := os.Stat(pfinal + suf); err == nil && info != nil && os.SameFile(info, cinfo) {
			return refuse(path, "it is the project's %s file (another name for it)", suf)
		}
	}
	base := filepath.Base(pfinal)
	backups := filepath.Join(filepath.Dir(pfinal), "."+strings.TrimSuffix(base, filepath.Ext(base))+".backups")
	if final == backups || strings.HasPrefix(final, backups+string(filepath.Separator)) {
		return refuse(path, "it is in the project's backups folder")
	}
	return nil
}

// notDatabase refuses a target that is a SQLite database or journal (a
// project or backup under another name), in a ".NAME.backups" folder, or
// named like a rolling backup in a "backups" folder, whatever the source.
func notDatabase(path, final string, info fs.FileInfo) error {
	if info != nil && !info.IsDir() && hasSQLiteHeader(final) {
		return refuse(path, "it is a SQLite database (a Gloss project or backup?); an export never replaces one")
	}
	for _, suf := range projectCompanions {
		if strings.HasSuffix(final, suf) && hasSQLiteHeader(strings.TrimSuffix(final, suf)) {
			return refuse(path, "it is the %s file of the SQLite database beside it", suf)
		}
	}
	parent := filepath.Base(filepath.Dir(final))
	if strings.HasPrefix(parent, ".") && strings.HasSuffix(parent, ".backups") {
		return refuse(path, "it is in %s, a folder of Gloss's rolling backups", parent)
	}
	if parent == "backups" && backupName.MatchString(final) {
		return refuse(path, "it is named like a rolling backup in a backups folder")
	}
	return nil
}

// hasSQLiteHeader reports whether the regular file at p starts like a
// SQLite database or write-ahead log.
func hasSQLiteHeader(p string) bool {
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.Equal(head, sqliteMagic) {
		return true
	}
	// A WAL starts with the magic number 0x377f0682 or 0x377f0683.
	return n >= 4 && head[0] == 0x37 && head[1] == 0x7f && head[2] == 0x06 && (head[3] == 0x82 || head[3] == 0x83)
}

// kindOf names what a file that is not a regular one is.
func kindOf(info fs.FileInfo) string {
	m := info.Mode()
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a regular file"
}

// refuse is the error of an export that will not write to path.
func refuse(path, format string, args ...any) error {
	return annotate.Errorf(annotate.EINVALID, "export %s: refused: "+format, append([]any{path}, args...)...)
}
