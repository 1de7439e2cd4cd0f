package formats

import (
	"bufio"
	"io"
	"sort"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// Reasons the CoNLL exporter leaves a span out.
const (
	dropOverlap    = "overlapping spans"
	dropUnaligned  = "spans not aligned to token boundaries"
	dropMultiline  = "spans across a line break (a sentence is one line)"
	dropNoLabelTag = "spans without a label"
)

// conllTags returns each token's tag for the spans that fit and how many
// spans fit, counting on rep the spans left out.
func conllTags(toks []conllToken, n int, spans []*annotate.Span, names map[string]string, rep *ExportReport) ([]string, int) {
	startAt := make([]int32, n+1)
	endAt := make([]int32, n+1)
	for i := range startAt {
		startAt[i], endAt[i] = -1, -1
	}
	for i, t := range toks {
		startAt[t.start], endAt[t.end] = int32(i), int32(i)
	}
	type cand struct {
		s    *annotate.Span
		i, j int
	}
	var cands []cand
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			rep.Drop(dropUnaligned, 1)
			continue
		}
		i, j := int(startAt[s.Start]), int(endAt[s.End])
		switch {
		case names[s.LabelID] == "":
			rep.Drop(dropNoLabelTag, 1)
		case i < 0 || j < 0:
			rep.Drop(dropUnaligned, 1)
		case toks[i].line != toks[j].line:
			rep.Drop(dropMultiline, 1)
		default:
			cands = append(cands, cand{s, i, j})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		la, lb := cands[a].s.End-cands[a].s.Start, cands[b].s.End-cands[b].s.Start
		if la != lb {
			return la > lb
		}
		return cands[a].s.Start < cands[b].s.Start
	})
	tags := make([]string, len(toks))
	kept := 0
	for _, c := range cands {
		free := true
		for k := c.i; k <= c.j; k++ {
			free = free && tags[k] == ""
		}
		if !free {
			rep.Drop(dropOverlap, 1)
			continue
		}
		kept++
		name := names[c.s.LabelID]
		tags[c.i] = "B-" + name
		for k := c.i + 1; k <= c.j; k++ {
			tags[k] = "I-" + name
		}
	}
	for i := range tags {
		if tags[i] == "" {
			tags[i] = "O"
		}
	}
	return tags, kept
}

func writeCoNLL(w io.Writer, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	rep := &ExportReport{}
	names := spacelessNames(labels, rep)
	bw := bufio.NewWriterSize(w, 1<<16)
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		toks := conllTokenize(d.Text)
		tags, kept := conllTags(toks, unitext.RuneLen(d.Text), spans, names, rep)
		bw.WriteString("-DOCSTART-\tO\n\n")
		for i, t := range toks {
			if i > 0 && t.line != toks[i-1].line {
				bw.WriteByte('\n')
			}
			bw.WriteString(t.text)
			bw.WriteByte('\t')
			bw.WriteString(tags[i])
			bw.WriteByte('\n')
		}
		if len(toks) > 0 {
			bw.WriteByte('\n')
		} else {
			rep.Drop("documents with no tokens (written as an empty -DOCSTART- section, which imports as nothing)", 1)
		}
		rep.Documents++
		rep.Spans += kept
		reportSpanLosses(rep, spans, spanKeeps{})
		return reportStructureLosses(rep, src, d, spans, structKeeps{})
	})
	if err != nil {
		return nil, err
	}
	return rep, bw.Flush()
}
