package formats

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"gloss/annotate"
)

// ExportFile writes src in format f to path atomically: to a temporary file
// beside it that is renamed into place only when complete, so a failed
// export never leaves a partial file. For a format that writes a folder
// (brat), path is the folder; the files are written to a temporary folder
// first and then moved in. It stops with ctx.Err(), writing nothing, when
// ctx is cancelled (checked before each document).
func ExportFile(ctx context.Context, f *Format, src annotate.Source, path string) (*ExportReport, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src = ctxSource{src, ctx}
	if f.WriteDir != nil {
		return exportDir(f, src, path)
	}
	if f.Write == nil {
		return nil, annotate.Errorf(annotate.EINVALID, "Gloss cannot export the %s format", f.Name)
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

func exportDir(f *Format, src annotate.Source, dir string) (*ExportReport, error) {
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

// ctxSource is a source whose EachDocument stops with ctx.Err() once ctx
// is cancelled.
type ctxSource struct {
	annotate.Source
	ctx context.Context
}

// EachDocument passes on the documents until ctx is cancelled.
func (s ctxSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	return s.Source.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		return fn(d, spans)
	})
}
