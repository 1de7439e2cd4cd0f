package formats

import (
	"context"
	"io"
	"io/fs"

	"gloss/annotate"
)

// Progress is told, before each read of a plan, how many of the plan's
// reads are done, how many there are, and the path about to be read.
type Progress func(done, total int, path string)

// LoadPaths reads files and folders (recursively) into one batch, in the
// named format or, with "auto" or "", detecting each file's format: the
// files Plan picks, read by Load. Any error names the file (and line) and
// no partial batch is returned.
func LoadPaths(ctx context.Context, paths []string, format string) (*annotate.Batch, error) {
	plan, err := PlanPaths(paths, format)
	if err != nil {
		return nil, err
	}
	return Load(ctx, plan, nil)
}

// Load reads every file of the plan into one batch, in order, calling
// progress (when not nil) before each read. It stops with ctx.Err() when
// ctx is cancelled, checked before each file. On error no partial batch
// is returned.
func Load(ctx context.Context, plan *Plan, progress Progress) (*annotate.Batch, error) {
	ctx = context.WithValue(ctx, maxInputKey{}, plan.maxInput())
	all := &annotate.Batch{}
	for i, r := range plan.Reads {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(i, len(plan.Reads), r.Path)
		}
		b, err := r.read(ctx, plan.Options)
		if err != nil {
			return nil, err
		}
		all.Append(b)
	}
	return all, nil
}

// read reads one entry of a plan.
func (r Read) read(ctx context.Context, opts ReadOptions) (*annotate.Batch, error) {
	if r.Files != nil {
		return r.Format.ReadFolder(ctx, r.Path, r.Files)
	}
	data, err := readInput(ctx, r.Path)
	if err != nil {
		return nil, err
	}
	return r.Format.readFile(r.Path, data, opts)
}

// readHead returns the first sniffSize bytes of the file at p.
func readHead(p string) ([]byte, error) {
	f, err := openRegular(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, unwrapPathError(err))
	}
	return head[:n], nil
}

// unwrapPathError drops the operation and path of an *fs.PathError, which
// the messages name themselves.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
