package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/annotate/formats/article"
	"gloss/store"
)

func init() {
	register("import", "add documents (and their annotations) from files or folders", cmdImport)
}

func cmdImport(e *env, args []string) error {
	fs := newFlags(e, "import", "[--format auto|FORMAT] [--text-column NAME] [--title-column NAME] [--id-column NAME] PROJECT PATH...",
		"Import files or folders (recursively): .txt/.md text, saved web pages (.html, .htm: the article\n"+
			"only, with title, author, date, site), Word files (.docx), CSV/TSV tables (one document a row\n"+
			"from the text column; or Gloss's own span table), JSONL with a \"text\" field, Gloss JSON, or\n"+
			"another tool's format. A folder's files of these kinds are read side by side; a summary says\n"+
			"how many of each were taken and what was skipped and why. Everything is imported in one\n"+
			"transaction: on any error nothing is.\n"+
			"Formats: "+strings.Join(formats.Names(), ", "))
	format := fs.String("format", "auto", "input format; auto detects by extension and content")
	textCol := fs.String("text-column", "", "CSV/TSV: the column holding each document's text (default text)")
	titleCol := fs.String("title-column", "", "CSV/TSV: the column holding each document's title (default title, if there is one)")
	idCol := fs.String("id-column", "", "CSV/TSV: a column of unique row identifiers (titles rows that have none)")
	ann := annotatorFlag(fs) // also given to imported spans that name no annotator
	maxInput := &sizeFlag{formats.DefaultMaxInput}
	fs.Var(maxInput, "max-input-size", "refuse any single input file larger than this (e.g. 500MB, 4GiB)")
	pos, err := parse(fs, args, 2, -1)
	if err != nil {
		return err
	}
	if *format != "auto" {
		if _, err := formats.Lookup(*format); err != nil {
			return errUsage{err.Error()}
		}
	}
	opts := formats.ReadOptions{Format: *format, CSV: article.CSVOptions{TextColumn: *textCol, TitleColumn: *titleCol, IDColumn: *idCol}}
	return withAnyProject(pos[0], asAnnotator(existingWithBackup, *ann), func(p annotate.Project) error {
		plan, err := formats.PlanPathsWith(pos[1:], opts) // the window plans its imports the same way
		if err != nil {
			return err
		}
		plan.MaxInput = maxInput.n
		fp, file := p.(*store.Store)
		var batch *annotate.Batch
		var res annotate.ImportResult
		if file {
			batch, res, err = importPlan(fp, plan)
		} else { // a server project: the whole batch in one transaction
			if batch, err = formats.Load(context.Background(), plan, nil); err == nil {
				res, err = p.Import(batch)
			}
		}
		if err != nil {
			return err
		}
		// The import is saved; now index what it added for full-text
		// search (store.BuildIndex; an interrupted build continues later,
		// and searches are exact meanwhile).
		if file {
			if err := fp.BuildIndex(context.Background(), nil); err != nil {
				return err
			}
		}
		fmt.Fprintf(e.stdout, "imported %s, %s, %s", annotate.Plural(res.Documents, "document"), annotate.Plural(res.Spans, "span"), annotate.Plural(res.Labels, "new label"))
		if res.Merged > 0 {
			fmt.Fprintf(e.stdout, "; merged into %s already present", annotate.Plural(res.Merged, "document"))
		}
		if res.Skipped > 0 {
			fmt.Fprintf(e.stdout, "; skipped %s", annotate.Plural(res.Skipped, "duplicate span"))
		}
		if res.Relations+res.Events > 0 {
			fmt.Fprintf(e.stdout, "; %d relations, %d events", res.Relations, res.Events)
		}
		fmt.Fprintln(e.stdout)
		reportPlan(e, plan)
		for _, n := range res.Notes {
			fmt.Fprintf(e.stderr, "note: %s\n", n)
		}
		reportSkipped(e, batch)
		return nil
	})
}

// reportSkipped tells the user what the input held that Gloss could not keep.
func reportSkipped(e *env, b *annotate.Batch) {
	keys := make([]string, 0, len(b.Skipped))
	for k := range b.Skipped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(e.stderr, "note: left out %d %s (Gloss cannot hold them yet)\n", b.Skipped[k], k)
	}
}

// streamBatchDocs is how many documents a streamed import holds in memory.
const streamBatchDocs = 1000

// importPlan imports what the plan reads in one transaction. A plan of
// JSONL files only is streamed (formats.StreamJSONL into
// store.ImportStream): memory holds a thousand documents at a time,
// however large the files. Any other plan is read whole, then imported.
// The batch returned holds what the input held that Gloss left out.
func importPlan(p *store.Store, plan *formats.Plan) (*annotate.Batch, annotate.ImportResult, error) {
	stream := len(plan.Reads) > 0
	for _, r := range plan.Reads {
		stream = stream && r.Files == nil && r.Format.Name == "jsonl"
	}
	if !stream {
		batch, err := formats.Load(context.Background(), plan, nil)
		if err != nil {
			return nil, annotate.ImportResult{}, err
		}
		res, err := p.Import(batch)
		return batch, res, err
	}
	left := &annotate.Batch{}
	res, err := p.ImportStream(func(put func(*annotate.Batch) error) error {
		for _, r := range plan.Reads {
			sk, err := formats.StreamJSONL(context.Background(), r.Path, plan.MaxInput, streamBatchDocs, put)
			if err != nil {
				return err
			}
			left.Append(sk)
		}
		return nil
	})
	return left, res, err
}
