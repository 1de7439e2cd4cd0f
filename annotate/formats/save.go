package formats

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"gloss/annotate"
)

// ExportFile writes src in format f to path atomically: to a temporary file
// beside it that is renamed into place only when complete, so a failed
// export never leaves a partial file. For a format that writes a folder
// (brat), path is the folder; the whole export is staged in a temporary
// folder beside it and moved in only when complete, all or nothing (see
// exportDir). It stops with ctx.Err(), writing nothing, when ctx is
// cancelled (checked before each document).
//
// Every export goes through here, and here it is refused (see
// resolveTarget) when path, through "..", symbolic or hard links, is the
// project src comes from (when src has a Path method), a companion file
// of it (-wal, -shm, -journal, its backups), any SQLite database, or
// exists and is not a regular file (a device, a FIFO, a folder). A link
// at path is followed: the file it leads to is replaced, not the link.
// Temporary files of this export's own naming that an export killed five
// or more minutes ago left beside path are removed first.
func ExportFile(ctx context.Context, f *Format, src annotate.Source, path string) (*ExportReport, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if f.Write == nil && f.WriteDir == nil {
		return nil, annotate.Errorf(annotate.EINVALID, "Gloss cannot export the %s format", f.Name)
	}
	if f.WriteDir != nil {
		// A folder export makes the folders it goes in, as it always has.
		if dir, _ := splitLast(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("export %s: %w", path, err)
			}
		}
	}
	final, err := resolveTarget(path, src, f.WriteDir != nil)
	if err != nil {
		return nil, err
	}
	removeStaleTemps(final)
	src = ctxSource{src, ctx}
	if f.WriteDir != nil {
		return exportDir(f, src, path, final)
	}
	tmp, err := createExportTemp(filepath.Dir(final), tempPrefix(final))
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	rep, err := f.Write(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// Checked again right before the rename: the target may have
		// changed while the export was written.
		_, err = resolveTarget(path, src.(ctxSource).Source, false)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err != nil {
		if annotate.ErrorCode(err) != "" {
			return nil, err
		}
		return nil, fmt.Errorf("export %s: %w", path, err)
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

// createExportTemp creates a new file in dir named prefix and random digits
// (the names removeStaleTemps knows), with mode 0666 less the user's umask,
// as any file a program writes: unlike os.CreateTemp, which makes it private.
func createExportTemp(dir, prefix string) (*os.File, error) {
	for i := 0; ; i++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if os.IsExist(err) && i < 100 {
			continue
		}
		return f, err
	}
}
