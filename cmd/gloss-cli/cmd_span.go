package main

import (
	"encoding/json"
	"fmt"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func init() {
	register("span", "add a span (span add) or list spans (span list)", cmdSpan)
}

func cmdSpan(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return cmdSpanAdd(e, args[1:])
		case "list":
			return cmdSpanList(e, args[1:])
		}
	}
	fs := newFlags(e, "span", "add|list ...", "gloss-cli span add --help, gloss-cli span list --help")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	return errUsage{"say span add or span list"}
}

func cmdSpanAdd(e *env, args []string) error {
	fs := newFlags(e, "span add", "--doc TITLE_OR_ID --start N --end N --label NAME [--note TEXT] PROJECT",
		"Label the text [start, end) of a document; offsets are Unicode code points, end exclusive.")
	doc := fs.String("doc", "", "document title or id")
	start := fs.Int("start", -1, "start offset (code points)")
	end := fs.Int("end", -1, "end offset (code points, exclusive)")
	label := fs.String("label", "", "label name")
	note := fs.String("note", "", "a note on the span")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *doc == "" || *label == "" || *start < 0 || *end < 0 {
		return errUsage{"--doc, --start, --end and --label are required"}
	}
	return withAnyProject(pos[0], asAnnotator(existing, *ann), func(p annotate.Project) error {
		d, err := findDocument(p, *doc)
		if err != nil {
			return err
		}
		l, err := labelByName(p, *label)
		if err != nil {
			return err
		}
		sp := annotate.NewSpan(d.ID, *start, *end, l.ID)
		sp.Note = *note
		if err := p.AddSpan(sp); err != nil {
			return err
		}
		off := unitext.NewPoints(d.Text, []int{sp.Start, sp.End})
		fmt.Fprintf(e.stdout, "added %s [%d, %d) %q\n", l.Name, sp.Start, sp.End, off.Slice(sp.Start, sp.End))
		return nil
	})
}

// spanRow is one line of span list --json.
type spanRow struct {
	Document string `json:"document"`
	ID       string `json:"id"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Label    string `json:"label"`
	Text     string `json:"text"`
	Note     string `json:"note,omitempty"`
}

func cmdSpanList(e *env, args []string) error {
	fs := newFlags(e, "span list", "[--doc TITLE_OR_ID] [--json] PROJECT",
		"List spans in text order: document, start, end, label, text (tabs and line breaks shown as \\t, \\n).")
	doc := fs.String("doc", "", "only this document (title or id)")
	asJSON := fs.Bool("json", false, "one JSON object per span")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		labels, err := p.Labels()
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, l := range labels {
			names[l.ID] = l.Name
		}
		docs, err := listDocs(p, *doc)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		for _, d := range docs {
			spans, err := p.Spans(d.ID)
			if err != nil {
				return err
			}
			off := unitext.NewOffsets(d.Text)
			for _, s := range spans {
				row := spanRow{d.Title, s.ID, s.Start, s.End, names[s.LabelID], off.Slice(s.Start, s.End), s.Note}
				if *asJSON {
					if err := enc.Encode(row); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(e.stdout, "%s\t%d\t%d\t%s\t%s\n", termField(d.Title), s.Start, s.End, termField(row.Label), termField(row.Text))
			}
		}
		return nil
	})
}

// listDocs returns the one named document, or every document.
func listDocs(p annotate.Project, titleOrID string) ([]*annotate.Document, error) {
	if titleOrID != "" {
		d, err := findDocument(p, titleOrID)
		if err != nil {
			return nil, err
		}
		return []*annotate.Document{d}, nil
	}
	infos, err := p.Documents()
	if err != nil {
		return nil, err
	}
	var docs []*annotate.Document
	for _, info := range infos {
		d, err := p.Document(info.ID)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}
