package annotate

import (
	"fmt"
	"os"
	"path/filepath"
)

// ExportFile writes src in format f to path atomically: to a temporary file
// beside it that is renamed into place only when complete, so a failed
// export never leaves a partial file. For a format that writes a folder
// (brat), path is the folder; the files are written to a temporary folder
// first and then moved in.
func ExportFile(f *Format, src Source, path string) (*ExportReport, error) {
	if f.WriteDir != nil {
		return exportDir(f, src, path)
	}
	if f.Write == nil {
		return nil, Errorf(EINVALID, "Gloss cannot export the %s format", f.Name)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	rep, err := f.Write(tmp, src)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it private; an export is a normal file
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	return rep, nil
}

func exportDir(f *Format, src Source, dir string) (*ExportReport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(dir, ".export-*")
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	rep, err := f.WriteDir(tmp, src)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			return nil, fmt.Errorf("export %s: %w", dir, err)
		}
	}
	return rep, nil
}
