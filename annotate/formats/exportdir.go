package formats

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"gloss/annotate"
)

// staleAfter is how long ago a temporary file of an export must have last
// been written to count as left by a killed export (a running export
// writes to its file all along).
const staleAfter = 5 * time.Minute

// tempPrefix is the start of the name of the temporary file or folder an
// export to final writes first, beside it: ".NAME.tmp-" followed by the
// digits os.CreateTemp and os.MkdirTemp add.
func tempPrefix(final string) string { return "." + filepath.Base(final) + ".tmp-" }

// removeStaleTemps removes, beside final, the temporary files and folders
// of exports to final (our own naming only, see tempPrefix) last written
// staleAfter or more ago, and for a folder export the ".export-" folders
// that earlier versions staged inside it.
func removeStaleTemps(final string) {
	remove := func(dir string, re *regexp.Regexp) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			if !re.MatchString(e.Name()) {
				continue
			}
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleAfter {
				continue
			}
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	remove(filepath.Dir(final), regexp.MustCompile(`^`+regexp.QuoteMeta(tempPrefix(final))+`\d+$`))
	if info, err := os.Lstat(final); err == nil && info.IsDir() {
		remove(final, regexp.MustCompile(`^\.export-\d+$`))
	}
}

// exportDir writes a folder format: the whole export goes to a temporary
// folder beside final first. A missing target folder is then that folder,
// renamed into place at once; into an existing folder the files move
// only after a check that none would replace anything but a regular file
// (a clash writes nothing), and a failure while moving puts back every
// file already moved or replaced.
func exportDir(f *Format, src annotate.Source, path, final string) (*ExportReport, error) {
	stage, err := os.MkdirTemp(filepath.Dir(final), tempPrefix(final))
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	defer os.RemoveAll(stage)
	out := filepath.Join(stage, "out")
	rep, err := f.WriteDir(out, src)
	if err != nil {
		if annotate.ErrorCode(err) != "" {
			return nil, err
		}
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(out, final); err != nil {
			return nil, fmt.Errorf("export %s: %w", path, err)
		}
		return rep, nil
	}
	if err := mergeInto(out, final, filepath.Join(stage, "replaced"), path); err != nil {
		return nil, err
	}
	return rep, nil
}

// mergeInto moves every file of from into dir, all or nothing: first it
// checks that each name is free or a regular file in dir, then it moves
// the replaced files to old and the new ones in, undoing every move when
// one fails.
func mergeInto(from, dir, old, path string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	for _, e := range entries {
		info, err := os.Lstat(filepath.Join(dir, e.Name()))
		if err == nil && !info.Mode().IsRegular() {
			return annotate.Errorf(annotate.ECONFLICT, "export %s: refused, nothing written: %s is %s where the export writes a file",
				path, e.Name(), kindOf(info))
		}
	}
	if err := os.Mkdir(old, 0o700); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	type move struct{ from, to string }
	var done []move
	undo := func() {
		for i := len(done) - 1; i >= 0; i-- {
			os.Rename(done[i].to, done[i].from)
		}
	}
	for _, e := range entries {
		dst := filepath.Join(dir, e.Name())
		if _, err := os.Lstat(dst); err == nil {
			if err := os.Rename(dst, filepath.Join(old, e.Name())); err != nil {
				undo()
				return fmt.Errorf("export %s: %w", path, err)
			}
			done = append(done, move{dst, filepath.Join(old, e.Name())})
		}
		if err := os.Rename(filepath.Join(from, e.Name()), dst); err != nil {
			undo()
			return fmt.Errorf("export %s: %w", path, err)
		}
		done = append(done, move{filepath.Join(from, e.Name()), dst})
	}
	return nil
}
