package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gloss/annotate/gen"
	"gloss/assets"
	"gloss/store"
)

func init() {
	register("gen", "generate a deterministic test corpus (for benchmarks)", cmdGen)
}

func cmdGen(e *env, args []string) error {
	fs := newFlags(e, "gen", "[--docs N] [--size BYTES] [--spans-per-doc K] [--seed S] OUT",
		"Generate a reproducible corpus of news-like articles with some non-ASCII text.\n"+
			"OUT ending in .gloss: a new project with the default labels and word-aligned spans.\n"+
			"Any other OUT: a folder of .txt files (no spans), one per document.")
	docs := fs.Int("docs", 100, "number of documents")
	size := fs.Int("size", 5000, "approximate bytes per document")
	spans := fs.Int("spans-per-doc", 10, "spans per document (projects only)")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same corpus")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *docs < 1 || *size < 1 || *spans < 0 {
		return errUsage{"--docs and --size must be positive, --spans-per-doc not negative"}
	}
	out := pos[0]
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new name", out)
	}
	b := gen.Corpus(gen.Options{Docs: *docs, Size: *size, SpansPerDoc: *spans, Seed: *seed})
	if strings.HasSuffix(out, ".gloss") {
		return withProject(out, created, func(p *store.Store) error {
			if err := assets.Seed(p, false); err != nil {
				return err
			}
			res, err := p.Import(b)
			if err != nil {
				return err
			}
			if err := p.BuildIndex(context.Background(), nil); err != nil { // full-text index, after the import
				return err
			}
			fmt.Fprintf(e.stdout, "generated %s: %d documents, %d spans\n", out, res.Documents, res.Spans)
			return nil
		})
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var total int
	for _, d := range b.Documents {
		name := strings.ReplaceAll(d.Title, " ", "-") + ".txt"
		if err := os.WriteFile(filepath.Join(out, name), []byte(d.Text), 0o644); err != nil {
			return err
		}
		total += len(d.Text)
	}
	fmt.Fprintf(e.stdout, "generated %s: %d documents, %d bytes\n", out, len(b.Documents), total)
	return nil
}
