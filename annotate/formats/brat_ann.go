package formats

import (
	"strconv"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// addBratDocument parses the annotations of one .ann file against doc and
// adds doc with its spans to b. Every error names the .ann file and line.
func addBratDocument(b *annotate.Batch, name string, ann []byte, doc *annotate.Document) error {
	if err := checkFileBytes(name, ann); err != nil {
		return err
	}
	off := unitext.NewOffsets(doc.Text)
	byID := map[string][]*annotate.BatchSpan{}
	var spans []*annotate.BatchSpan
	var extra []bratLine
	err := EachLine(ann, func(line int, raw []byte) error {
		where := Where{File: name, Line: line}
		s := string(raw)
		id, _, _ := strings.Cut(s, "\t")
		switch {
		case id == "":
			return where.Errorf("the line starts with a tab: a brat line begins with its annotation ID (T1, R1, #1, …)")
		case strings.HasPrefix(id, "T"):
			if _, dup := byID[id]; dup {
				return where.Errorf("annotation ID %s is used twice", id)
			}
			frags, err := parseBratT(s, doc.ID, off, where)
			if err != nil {
				return err
			}
			byID[id] = frags
			spans = append(spans, frags...)
		default:
			if id != "" && id[0] != '#' && bratSkipKind(id) == "" {
				return where.Errorf("unknown annotation %q: a brat line starts with T, R, E, A, M, N, # or *", shorten(s, 40))
			}
			extra = append(extra, bratLine{line, s}) // read by addBratStructure
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := addBratStructure(b, name, doc.ID, byID, extra); err != nil {
		return err
	}
	b.Documents = append(b.Documents, doc)
	b.Spans = append(b.Spans, spans...)
	return nil
}

// bratSkipKind names the kind of a line Gloss cannot hold, from its ID.
func bratSkipKind(id string) string {
	if id == "" {
		return ""
	}
	switch id[0] {
	case 'R':
		return "relations"
	case 'E':
		return "events"
	case 'A', 'M':
		return "attributes"
	case 'N':
		return "normalizations"
	case '*':
		return "equivalences"
	}
	return ""
}

// shorten cuts s to n code points for an error message.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// parseBratT parses "T1<tab>Label 0 5;10 15<tab>text" into one span per
// fragment, checking offsets and text.
func parseBratT(line, docID string, off *unitext.Offsets, where Where) ([]*annotate.BatchSpan, error) {
	f := strings.SplitN(line, "\t", 3)
	if len(f) < 3 {
		return nil, where.Errorf("text annotation %q: want \"ID<tab>Label start end<tab>text\"", shorten(line, 40))
	}
	label, ranges, _ := strings.Cut(f[1], " ")
	if err := checkLabelName(where, label); err != nil {
		return nil, err
	}
	var frags []*annotate.BatchSpan
	var parts []string
	for _, r := range strings.Split(ranges, ";") {
		se := strings.Fields(r)
		if len(se) != 2 {
			return nil, where.Errorf("%s: offsets %q: want \"start end\" pairs separated by ;", f[0], ranges)
		}
		start, err1 := strconv.Atoi(se[0])
		end, err2 := strconv.Atoi(se[1])
		if err1 != nil || err2 != nil {
			return nil, where.Errorf("%s: offsets %q are not whole numbers", f[0], r)
		}
		if err := annotate.CheckRange(start, end, off.Len()); err != nil {
			return nil, where.Errorf("%s: %v", f[0], err)
		}
		parts = append(parts, off.Slice(start, end))
		frags = append(frags, &annotate.BatchSpan{Span: *annotate.NewSpan(docID, start, end, ""), LabelName: label})
	}
	got := strings.Join(parts, " ")
	if got != f[2] && strings.Map(lineBreakToSpace, got) != f[2] {
		return nil, where.Errorf("%s: the text at %s is %q but the file says %q", f[0], ranges, got, f[2])
	}
	if len(frags) > 1 {
		group := annotate.NewID()
		for _, s := range frags {
			s.Group = group
		}
	}
	return frags, nil
}

// lineBreakToSpace lets a T line's text stand for a span across a line
// break, which some tools write with the break as a space.
func lineBreakToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}
