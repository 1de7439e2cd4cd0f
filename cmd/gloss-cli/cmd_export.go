package main

import (
	"context"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/formats"
)

func init() {
	register("export", "write the project's documents and spans in a format", cmdExport)
}

func cmdExport(e *env, args []string) error {
	fs := newFlags(e, "export", "[--format gloss|jsonl|FORMAT] [-o PATH] PROJECT",
		"Export every document with its spans. Without -o, single-file formats go to standard output;\n"+
			"formats that write several files (brat) need -o FOLDER. The file is written whole or not at all.\n"+
			"Formats: "+strings.Join(formats.Names(), ", "))
	format := fs.String("format", "gloss", "output format")
	out := fs.String("o", "", "output file (or folder for brat)")
	layer := fs.String("annotator", "", "export only this annotator's layer (e.g. gold), with their statuses")
	raw := fs.Bool("csv-raw", false, "csv: write cells as they are, without the ' that stops a spreadsheet\nrunning a cell starting with = + - @ as a formula (for programs, not spreadsheets)")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	f, err := formats.Lookup(*format)
	if err != nil {
		return errUsage{err.Error()}
	}
	if *raw {
		if f.Name != "csv" {
			return errUsage{"--csv-raw goes only with --format csv"}
		}
		f = formats.CSVFormat(false)
	}
	if f.Write == nil && f.WriteDir == nil {
		return errUsage{fmt.Sprintf("Gloss cannot export the %s format", f.Name)}
	}
	if f.WriteDir != nil && *out == "" {
		return errUsage{fmt.Sprintf("the %s format writes a folder: give one with -o FOLDER", f.Name)}
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		src, err := exportSource(p, *layer)
		if err != nil {
			return err
		}
		var rep *formats.ExportReport
		if *out == "" {
			rep, err = f.Write(e.raw, src)
		} else {
			rep, err = formats.ExportFile(context.Background(), f, src, *out)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s\n", rep.Summary())
		return nil
	})
}
