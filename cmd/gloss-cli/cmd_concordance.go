package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gloss/annotate"
	"gloss/annotate/find"
	"gloss/store"
)

func init() {
	register("concordance", "keyword in context of a label's spans or a search term", cmdConcordance)
}

func cmdConcordance(e *env, args []string) error {
	fs := newFlags(e, "concordance", "(--label L | --query Q) [--width N] [--sort left|right|hit] [--csv] PROJECT",
		"Print a keyword-in-context (KWIC) concordance: left context | hit | right context, aligned on\n"+
			"the hit, for every span with label L or every occurrence of Q (literal, case-insensitive\n"+
			"unless --case-sensitive). Rows come in document order unless --sort orders them by the\n"+
			"words left of the hit (nearest first), right of it, or by the hit. --csv writes\n"+
			"document,start,end,label,left,hit,right (document is the title; offsets in code points).")
	label := fs.String("label", "", "the label whose spans to show")
	query := fs.String("query", "", "the text whose occurrences to show")
	width := fs.Int("width", 40, "code points of context on each side")
	sortBy := fs.String("sort", "", "order rows by left, right or hit (default: document order)")
	asCSV := fs.Bool("csv", false, "write CSV")
	caseSensitive := fs.Bool("case-sensitive", false, "with --query: match case exactly")
	wholeWord := fs.Bool("whole-word", false, "with --query: only matches not touching letters, digits or _")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if (*label == "") == (*query == "") {
		return errUsage{"give one of --label or --query"}
	}
	if *width < 0 {
		return errUsage{"--width must be 0 or more"}
	}
	switch *sortBy {
	case "", "left", "right", "hit":
	default:
		return errUsage{fmt.Sprintf("--sort %q: say left, right or hit", *sortBy)}
	}
	var m find.Matcher
	if *query != "" {
		if m, err = find.NewLiteral(*query, find.Options{CaseSensitive: *caseSensitive, WholeWord: *wholeWord}); err != nil {
			return errUsage{err.Error()}
		}
	}
	return withAnyProject(pos[0], store.Options{NoCreate: true, NoBackup: true, ReadOnly: true}, func(p annotate.Project) error {
		var labelID, labelName string
		if *label != "" {
			l, err := labelByName(p, *label)
			if err != nil {
				return err
			}
			labelID, labelName = l.ID, l.Name
		}
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		var c find.Concordance
		for _, info := range docs {
			var hits []find.Hit
			if m == nil {
				spans, err := p.Spans(info.ID)
				if err != nil {
					return err
				}
				for _, s := range spans {
					if s.LabelID == labelID {
						hits = append(hits, find.Hit{Start: s.Start, End: s.End, Label: labelName})
					}
				}
				if len(hits) == 0 {
					continue
				}
			}
			d, err := p.Document(info.ID)
			if err != nil {
				return err
			}
			if m != nil {
				hits = m.FindAll(d.Text)
			}
			c.Add(d.Title, d.Text, hits, *width)
		}
		switch *sortBy {
		case "left":
			c.SortByLeft()
		case "right":
			c.SortByRight()
		case "hit":
			c.SortByHit()
		}
		if *asCSV {
			return c.WriteCSV(e.stdout)
		}
		for _, r := range c.Rows {
			pad := *width - utf8.RuneCountInString(r.Left)
			if pad < 0 {
				pad = 0
			}
			if _, err := fmt.Fprintf(e.stdout, "%s%s  %s  %s\t%s [%d, %d)\n", strings.Repeat(" ", pad), r.Left, r.Hit, r.Right, r.Doc, r.Start, r.End); err != nil {
				return err
			}
		}
		return nil
	})
}
