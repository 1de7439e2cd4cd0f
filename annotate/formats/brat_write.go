package formats

import (
	"fmt"
	"os"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// writeBratDir writes each document as TITLE.txt (the stored text, byte for
// byte) and TITLE.ann, plus annotation.conf and visual.conf listing the
// labels. Titles become safe file names (see safeFileName). brat type names
// cannot hold spaces, so spaces in label names become "_"; brat T lines
// cannot hold line breaks, so a span across one is written as fragments
// around it; span annotators and document categories are left out. Each
// is counted in the report.
func writeBratDir(dir string, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil { // 0777 less the umask, as any new folder
		return nil, err
	}
	root, err := os.OpenRoot(dir) // no name below can leave dir
	if err != nil {
		return nil, err
	}
	defer root.Close()
	rep := &ExportReport{}
	names := spacelessNames(labels, rep)
	conf := newBratConf(src)
	used := map[string]bool{}
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		base := uniqueFileName(safeFileName(d.Title), used)
		if err := writeRootFile(root, base+".txt", d.Text); err != nil {
			return err
		}
		rep.Documents++
		rep.Spans += len(spans)
		reportSpanLosses(rep, spans, spanKeeps{note: true, group: true})
		if len(d.Categories) > 0 {
			rep.Drop(dropCategories, 1) // brat has no document labels
		}
		ann, tids := bratAnnIDs(d, spans, names, rep)
		more, err := conf.structure(d, spans, tids, names, rep, strings.Count("\n"+ann, "\n#"))
		if err != nil {
			return err
		}
		return writeRootFile(root, base+".ann", ann+more)
	})
	if err != nil {
		return nil, err
	}
	if err := writeBratConf(root, labels, names, conf); err != nil {
		return nil, err
	}
	return rep, nil
}

func writeRootFile(root *os.Root, name, content string) error {
	f, err := root.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeBratConf writes annotation.conf (allowing overlapping spans, which
// Gloss has) and visual.conf with the label colours.
func writeBratConf(root *os.Root, labels []*annotate.Label, names map[string]string, extra *bratConf) error {
	var conf, vis strings.Builder
	conf.WriteString("# Labels exported from Gloss.\n[entities]\n")
	vis.WriteString("[labels]\n[drawing]\n")
	seen := map[string]bool{}
	for _, l := range labels {
		n := names[l.ID]
		if seen[n] {
			continue
		}
		seen[n] = true
		if !extra.isEvent(n) { // event types are listed under [events]
			conf.WriteString(n + "\n")
		}
		if annotate.ValidColor(l.Color) {
			fmt.Fprintf(&vis, "%s\tbgColor:%s\n", n, l.Color)
		}
	}
	conf.WriteString("[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n")
	conf.WriteString(extra.sections())
	if err := writeRootFile(root, "annotation.conf", conf.String()); err != nil {
		return err
	}
	return writeRootFile(root, "visual.conf", vis.String())
}

// bratAnn renders a document's spans as T lines (fragments of one Group and
// label as one discontinuous line) and their notes as AnnotatorNotes.
func bratAnn(d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) string {
	s, _ := bratAnnIDs(d, spans, names, rep)
	return s
}

// bratAnnIDs is bratAnn that also returns the T id written for each span.
func bratAnnIDs(d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) (string, map[string]string) {
	tids := make(map[string]string, len(spans))
	sorted := append([]*annotate.Span(nil), spans...)
	annotate.SortSpans(sorted)
	var units [][]*annotate.Span
	byKey := map[string]int{}
	groupLabels := map[string]map[string]bool{}
	for _, s := range sorted {
		key := s.ID
		if s.Group != "" {
			key = s.Group + "\x00" + s.LabelID
			if groupLabels[s.Group] == nil {
				groupLabels[s.Group] = map[string]bool{}
			}
			groupLabels[s.Group][s.LabelID] = true
		}
		if i, ok := byKey[key]; ok {
			units[i] = append(units[i], s)
			continue
		}
		byKey[key] = len(units)
		units = append(units, []*annotate.Span{s})
	}
	for _, ls := range groupLabels {
		rep.Drop("discontinuous spans with mixed labels (written as one span per label)", len(ls)-1)
	}
	off := unitext.NewOffsets(d.Text)
	noteFix := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	var out strings.Builder
	t, notes := 0, 0
	for _, u := range units {
		var ranges, texts []string
		note, split := "", false
		for _, s := range u {
			pieces := splitAtLineBreaks(off, s.Start, s.End)
			split = split || len(pieces) != 1 || pieces[0] != [2]int{s.Start, s.End}
			for _, p := range pieces {
				ranges = append(ranges, fmt.Sprintf("%d %d", p[0], p[1]))
				texts = append(texts, off.Slice(p[0], p[1]))
			}
			if note == "" {
				note = s.Note
			}
		}
		if split {
			rep.Drop("line breaks inside spans (the span is written as fragments around them)", 1)
		}
		if len(ranges) == 0 {
			rep.Drop("spans of nothing but line breaks", 1)
			continue
		}
		t++
		for _, s := range u {
			tids[s.ID] = fmt.Sprintf("T%d", t)
		}
		fmt.Fprintf(&out, "T%d\t%s %s\t%s\n", t, names[u[0].LabelID], strings.Join(ranges, ";"), strings.Join(texts, " "))
		if note != "" {
			if fixed := noteFix.Replace(note); fixed != note {
				rep.Drop("line breaks in notes (replaced by spaces)", 1)
				note = fixed
			}
			notes++
			fmt.Fprintf(&out, "#%d\tAnnotatorNotes T%d\t%s\n", notes, t, note)
		}
	}
	return out.String(), tids
}

// splitAtLineBreaks returns the parts of [start, end) between line breaks.
func splitAtLineBreaks(off *unitext.Offsets, start, end int) [][2]int {
	var out [][2]int
	from, cp := start, start
	for _, r := range off.Slice(start, end) {
		if r == '\n' || r == '\r' {
			if cp > from {
				out = append(out, [2]int{from, cp})
			}
			from = cp + 1
		}
		cp++
	}
	if end > from {
		out = append(out, [2]int{from, end})
	}
	return out
}
