package formats

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"unicode/utf8"

	"gloss/annotate"
)

// StreamJSONL reads a JSONL file (the jsonl format) a line at a time and
// calls fn with a batch of up to batchDocs documents (and their spans) at
// a time, so that memory holds one batch, whatever the file's size. Lines
// are checked and read exactly as Load reads the file whole (the same
// errors, naming the file and line). maxInput caps the file's size as
// Plan.MaxInput does (0: DefaultMaxInput). It stops with ctx.Err() when
// ctx is cancelled, checked before each batch, and with fn's error. The
// returned batch holds only what the file held that Gloss left out
// (Skipped).
func StreamJSONL(ctx context.Context, path string, maxInput int64, batchDocs int, fn func(*annotate.Batch) error) (*annotate.Batch, error) {
	if maxInput <= 0 {
		maxInput = DefaultMaxInput
	}
	if batchDocs < 1 {
		batchDocs = 1
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, _ := f.Stat(); info.Size() > maxInput {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %s is more than the %s an import reads from one file (raise it with --max-input-size)",
			path, byteSize(info.Size()), byteSize(maxInput))
	}
	r := bufio.NewReaderSize(io.LimitReader(f, maxInput), 1<<20)
	base := baseTitle(path)
	skipped := &annotate.Batch{}
	b := &annotate.Batch{}
	flush := func() error {
		if len(b.Documents) == 0 && len(b.Spans) == 0 && len(b.Labels) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for k, n := range b.Skipped {
			skipped.Skip(k, n)
		}
		b.Skipped = nil
		if err := fn(b); err != nil {
			return err
		}
		b = &annotate.Batch{}
		return nil
	}
	var line []byte
	var flat flatLine
	for n := 1; ; n++ {
		line = line[:0]
		for {
			chunk, err := r.ReadSlice('\n')
			line = append(line, chunk...)
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && err != io.EOF {
				return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", path, unwrapPathError(err))
			}
			if err == io.EOF && len(line) == 0 {
				return skipped, flush()
			}
			break
		}
		raw := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'})
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		if !utf8.Valid(raw) || bytes.IndexByte(raw, 0) >= 0 {
			if l, problem := annotate.TextProblem(string(raw)); l > 0 {
				return nil, Where{File: path, Line: n}.Errorf("%s", problem)
			}
		}
		if err := readPlainLine(b, &flat, path, base, n, raw); err != nil {
			return nil, err
		}
		if len(b.Documents) >= batchDocs {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
}

// readPlainLine adds one non-blank line of a JSONL file (the jsonl
// format) to the batch, as readLines does after checkJSON: a flat line
// (see flatLine) directly, any other after checkJSONAt by readLine.
func readPlainLine(b *annotate.Batch, flat *flatLine, name, base string, line int, raw []byte) error {
	if flat.scan(raw) {
		where := Where{File: name, Line: line}
		if err := checkText(where, "", flat.text); err != nil {
			return err
		}
		addPlainFields(b, flat.text, flat.fields, where, func() string { return fmt.Sprintf("%s-%d", base, line) })
		return nil
	}
	if err := checkJSONAt(name, raw, line); err != nil {
		return err
	}
	return readLine(b, name, base, line, raw, addPlainLine)
}
