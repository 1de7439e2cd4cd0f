package formats

import (
	"context"
	"fmt"
	"io"
	"os"

	"gloss/annotate"
)

// DefaultMaxInput is the largest single input file an import reads unless
// told otherwise (Plan.MaxInput): 1 GiB, far above any real document, and
// small enough that a mistaken /dev/zero or a runaway file is refused
// before memory runs out.
const DefaultMaxInput int64 = 1 << 30

// SkipNotRegular is the reason a folder walk leaves out a device, a FIFO,
// a socket or a link to one.
const SkipNotRegular = "not a regular file (a device, named pipe or socket)"

// maxInputKey carries the plan's input cap to folder readers through ctx.
type maxInputKey struct{}

// maxInput is the plan's cap on a single input, DefaultMaxInput when unset.
func (plan *Plan) maxInput() int64 {
	if plan.MaxInput > 0 {
		return plan.MaxInput
	}
	return DefaultMaxInput
}

// openRegular opens the file at p for reading, refusing (naming p) one
// that is not a regular file: reading a device or a FIFO may never end.
func openRegular(p string) (*os.File, error) {
	info, err := os.Stat(p)
	if err == nil && !info.Mode().IsRegular() {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: not a regular file (%s): Gloss imports only files", p, kindOf(info))
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, unwrapPathError(err))
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, annotate.Errorf(annotate.EINVALID, "%s: not a regular file: Gloss imports only files", p)
	}
	return f, nil
}

// readInput reads the regular file at p whole, refusing one larger than
// the cap ctx carries (DefaultMaxInput when none), naming the file, its
// size and the cap.
func readInput(ctx context.Context, p string) ([]byte, error) {
	limit, _ := ctx.Value(maxInputKey{}).(int64)
	if limit <= 0 {
		limit = DefaultMaxInput
	}
	f, err := openRegular(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, _ := f.Stat()
	tooBig := func(size string) error {
		return annotate.Errorf(annotate.EINVALID, "%s: %s is more than the %s an import reads from one file (raise it with --max-input-size)",
			p, size, byteSize(limit))
	}
	if info.Size() > limit {
		return nil, tooBig(byteSize(info.Size()))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, unwrapPathError(err))
	}
	if int64(len(data)) > limit {
		return nil, tooBig("the file (it grew while read)")
	}
	return data, nil
}

// byteSize writes n bytes for people: "512 bytes", "3.0 MiB", "1.0 GiB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
