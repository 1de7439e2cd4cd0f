package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"gloss/annotate"
	"gloss/store"
	"gloss/store/pgstore"
)

func init() {
	register("copy", "copy a whole project between a file and a server (either way), ids and history kept", cmdCopy)
}

func cmdCopy(e *env, args []string) error {
	fs := newFlags(e, "copy", "SOURCE TARGET",
		"Copy a whole project: documents, labels, every annotator's spans and statuses with their ids,\n"+
			"and the edit log (so history reads the same and undo keeps working), the relations, events,\n"+
			"notes, attributes and categories. SOURCE and TARGET are each a project file or a\n"+
			"server project (postgres://USER@HOST/DATABASE). TARGET must be new: a file that does not exist\n"+
			"or an empty project, or an empty database. All or nothing: when the copy fails, TARGET is left\n"+
			"as it was. Passwords come from the URL, PGPASSWORD or ~/.pgpass and are never printed.")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	src, dst := pos[0], pos[1]
	if src == dst {
		return errUsage{"SOURCE and TARGET are the same project"}
	}
	read := store.Options{NoCreate: true, NoBackup: true, ReadOnly: true}
	return withAnyProject(src, read, func(p annotate.Project) error {
		d, ok := p.(annotate.Dumper)
		if !ok {
			return fmt.Errorf("%s cannot be copied", p.Path())
		}
		c := &countingDumper{src: d}
		if err := copyInto(dst, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "copied %s to %s: %s, %s, %s, %s\n", shownTarget(src), shownTarget(dst),
			annotate.Plural(c.docs, "document"), annotate.Plural(c.labels, "label"), annotate.Plural(c.spans, "span"),
			count(c.log, "edit log entry", "edit log entries"))
		return nil
	})
}

// copyInto fills the project dst, which must be new or empty, with src.
func copyInto(dst string, src annotate.Dumper) error {
	if pgstore.IsURL(dst) {
		return copyToServer(dst, src)
	}
	// Then index the copied documents for full-text search, as import does.
	load := func(p *store.Store) error {
		if err := p.Load(src); err != nil {
			return err
		}
		return p.BuildIndex(context.Background(), nil)
	}
	if _, err := os.Stat(dst); err == nil {
		return withProject(dst, store.Options{NoCreate: true, NoBackup: true}, load)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	p, err := store.Open(dst, store.Options{NoBackup: true})
	if err != nil {
		return err
	}
	err = load(p)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	if err != nil { // leave no partial file behind
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(dst + suffix)
		}
	}
	return err
}

// copyToServer fills an empty database, or an empty project in one.
func copyToServer(dst string, src annotate.Dumper) error {
	ctx := context.Background()
	ann, err := resolveAnnotator("")
	if err != nil {
		return err
	}
	opts := pgstore.Options{Annotator: ann}
	p, err := pgstore.Open(ctx, dst, opts)
	if annotate.ErrorCode(err) == annotate.ENOTFOUND { // an empty database
		if p, err = pgstore.InitFrom(ctx, dst, opts, src); err != nil {
			return err
		}
		return p.Close()
	}
	if err != nil {
		return err
	}
	err = p.Load(src)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return err
}

// countingDumper passes a dump on and counts what went through.
type countingDumper struct {
	src                      annotate.Dumper
	docs, labels, spans, log int
}

func (c *countingDumper) Dump(w annotate.DumpWriter) error {
	c.docs, c.labels, c.spans, c.log = 0, 0, 0, 0 // a retried dump counts afresh
	return c.src.Dump(&countingWriter{w, c})
}

type countingWriter struct {
	w annotate.DumpWriter
	c *countingDumper
}

func (cw *countingWriter) Header(h *annotate.DumpHeader) error {
	cw.c.labels = len(h.Labels)
	return cw.w.Header(h)
}

func (cw *countingWriter) Document(d *annotate.DocumentDump) error {
	cw.c.docs++
	cw.c.spans += len(d.Spans)
	return cw.w.Document(d)
}

func (cw *countingWriter) LogEntry(e *annotate.LogEntry) error {
	cw.c.log++
	return cw.w.LogEntry(e)
}
