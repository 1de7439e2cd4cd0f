package app

import (
	"context"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/find"
)

// labelAllQuery is what the label-all dialog looks for and where.
type labelAllQuery struct {
	mode      string // modeText, modeRegex or modeDict
	text      string // the text or the expression
	dict      []find.Entry
	label     *annotate.Label // the label given (a dictionary row without its own label gets it)
	opt       find.Options
	docs      []annotate.DocumentInfo // where to look
	allLabels []*annotate.Label
}

// The label-all dialog's ways of finding.
const (
	modeText  = "Text"
	modeRegex = "Regular expression"
	modeDict  = "Dictionary"
)

// labelHit is one occurrence the label-all dialog offers: a new span.
type labelHit struct {
	doc, title string
	start, end int
	label      *annotate.Label
	row        find.Row // the hit in context
}

// labelAllPlan is what label all would add: every new hit, and how many
// hits are spans already (same document, offsets and label).
type labelAllPlan struct {
	hits    []labelHit
	present int
	docs    int // documents with new hits
}

// matcher builds the query's matcher.
func (q *labelAllQuery) matcher() (find.Matcher, error) {
	switch q.mode {
	case modeRegex:
		return find.NewRegex(q.text, find.Options{CaseSensitive: q.opt.CaseSensitive, WholeWord: q.opt.WholeWord})
	case modeDict:
		if len(q.dict) == 0 {
			return nil, fmt.Errorf("load a dictionary file first")
		}
		return find.NewDictionary("dictionary", q.dict, q.opt)
	}
	return find.NewLiteral(q.text, q.opt)
}

// planLabelAll finds the query in its documents and sorts the hits into
// new spans and spans already present. A dictionary label that is not a
// label of the project is an error naming it and its line. It stops with
// ctx's error when ctx is cancelled.
func planLabelAll(ctx context.Context, p Project, q *labelAllQuery) (*labelAllPlan, error) {
	if q.mode != modeDict && strings.TrimSpace(q.text) == "" {
		return &labelAllPlan{}, nil
	}
	m, err := q.matcher()
	if err != nil {
		return nil, err
	}
	byName := map[string]*annotate.Label{}
	for _, l := range q.allLabels {
		byName[strings.ToLower(l.Name)] = l
	}
	if q.mode == modeDict {
		if err := checkDictLabels("dictionary", q.dict, q.allLabels); err != nil {
			return nil, err
		}
	}
	if q.label == nil && q.mode != modeDict {
		return nil, fmt.Errorf("choose the label to give")
	}
	defName := ""
	if q.label != nil {
		defName = strings.ToLower(q.label.Name)
	}
	var existing []find.Span
	texts := map[string]string{}
	titles := map[string]string{}
	for _, info := range q.docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := p.Document(info.ID)
		if err != nil {
			return nil, err
		}
		texts[d.ID], titles[d.ID] = d.Text, info.Title
		spans, err := p.Spans(d.ID)
		if err != nil {
			return nil, err
		}
		for _, sp := range spans {
			for _, l := range q.allLabels {
				if l.ID == sp.LabelID {
					existing = append(existing, find.Span{Doc: sp.DocumentID, Start: sp.Start, End: sp.End, Label: strings.ToLower(l.Name)})
				}
			}
		}
	}
	plan := find.NewPlan(existing, -1, findContext)
	for _, info := range q.docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		hits := m.FindAll(texts[info.ID])
		for i := range hits {
			hits[i].Label = strings.ToLower(hits[i].Label)
		}
		plan.Offer(info.ID, texts[info.ID], hits, defName)
	}
	out := &labelAllPlan{present: plan.Present}
	for _, d := range plan.Docs {
		if d.New > 0 {
			out.docs++
		}
	}
	for _, r := range plan.Preview {
		l := byName[r.Label]
		if l == nil { // a dictionary row without a label, and no label chosen
			return nil, fmt.Errorf("a dictionary term has no label: give one in the file or choose one here")
		}
		out.hits = append(out.hits, labelHit{doc: r.Doc, title: titles[r.Doc], start: r.Start, end: r.End, label: l, row: r})
	}
	return out, nil
}

// checkDictLabels reports the first dictionary row whose label is not a
// label of the project, naming the file and line.
func checkDictLabels(name string, dict []find.Entry, labels []*annotate.Label) error {
	have := map[string]bool{}
	for _, l := range labels {
		have[strings.ToLower(l.Name)] = true
	}
	for _, e := range dict {
		if e.Label != "" && !have[strings.ToLower(e.Label)] {
			return fmt.Errorf("%s:%d: %q is not a label of this project", name, e.Line, e.Label)
		}
	}
	return nil
}
