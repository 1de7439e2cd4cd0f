package formats

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gloss/annotate"
)

// conllDoc is a document being rebuilt from tokens.
type conllDoc struct {
	text      strings.Builder
	cp        int
	sentences int  // sentences begun
	inSent    bool // the current sentence has tokens
	spans     []*annotate.BatchSpan
	open      *annotate.BatchSpan
}

func (d *conllDoc) close() {
	if d.open != nil {
		d.spans = append(d.spans, d.open)
		d.open = nil
	}
}

func (d *conllDoc) endSentence() {
	d.close()
	d.inSent = false
}

// add appends a token with its tag's prefix (B, I, E, S or "" for O) and label.
func (d *conllDoc) add(token, prefix, label string) {
	switch {
	case d.inSent:
		d.text.WriteByte(' ')
		d.cp++
	case d.sentences > 0:
		d.text.WriteByte('\n')
		d.cp++
	}
	if !d.inSent {
		d.sentences++
		d.inSent = true
	}
	start := d.cp
	d.text.WriteString(token)
	d.cp += utf8.RuneCountInString(token)
	switch {
	case prefix == "":
		d.close()
	case (prefix == "I" || prefix == "E") && d.open != nil && d.open.LabelName == label:
		d.open.End = d.cp
	default: // B, S, or I/E that starts a span (IOB1)
		d.close()
		d.open = &annotate.BatchSpan{Span: annotate.Span{Start: start, End: d.cp}, LabelName: label}
	}
	if prefix == "E" || prefix == "S" {
		d.close()
	}
}

// conllTag splits a tag into its prefix (B, I, E or S; "" for O) and label.
func conllTag(tag string, where Where) (prefix, label string, err error) {
	if tag == "O" {
		return "", "", nil
	}
	p, label, ok := strings.Cut(tag, "-")
	switch p {
	case "L":
		p = "E"
	case "U":
		p = "S"
	}
	if !ok || len(p) != 1 || !strings.Contains("BIES", p) {
		return "", "", where.Errorf("tag %q: want O, or B-, I-, E- or S- and a label", tag)
	}
	if err := checkLabelName(where, label); err != nil {
		return "", "", err
	}
	return p, label, nil
}

// conllFields splits a line into columns: at tabs when it has any (a token
// may then hold spaces), else at runs of spaces.
func conllFields(line string) []string {
	if !strings.Contains(line, "\t") {
		return strings.Fields(line)
	}
	var out []string
	for _, f := range strings.Split(line, "\t") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// readCoNLL reads CoNLL/IOB: each -DOCSTART- begins a document.
func readCoNLL(name string, data []byte) (*annotate.Batch, error) {
	if err := checkFileBytes(name, data); err != nil {
		return nil, err
	}
	var docs []*conllDoc
	cur := &conllDoc{}
	started, empty := false, 0 // a -DOCSTART- was read; documents without tokens
	flush := func() {
		cur.endSentence()
		if cur.sentences > 0 {
			docs = append(docs, cur)
		} else if started {
			empty++
		}
		cur = &conllDoc{}
	}
	for i, raw := range bytes.Split(data, []byte{'\n'}) {
		where := Where{File: name, Line: i + 1}
		line := strings.TrimSuffix(string(raw), "\r")
		fields := conllFields(line)
		switch {
		case len(fields) == 0:
			cur.endSentence()
			continue
		case fields[0] == "-DOCSTART-":
			flush()
			started = true
			continue
		case len(fields) < 2:
			return nil, where.Errorf("%q: want a token and a tag separated by a tab or space", shorten(line, 40))
		}
		prefix, label, err := conllTag(fields[len(fields)-1], where)
		if err != nil {
			return nil, err
		}
		cur.add(fields[0], prefix, label)
	}
	flush()
	b := &annotate.Batch{}
	// A document without tokens has no text Gloss could hold; it is
	// counted, not dropped silently.
	b.Skip("empty CoNLL documents (a -DOCSTART- line with no tokens after it)", empty)
	base := baseTitle(name)
	for i, cd := range docs {
		title := base
		if len(docs) > 1 {
			title = fmt.Sprintf("%s-%d", base, i+1)
		}
		d := annotate.NewDocument(title, cd.text.String(), name)
		b.Documents = append(b.Documents, d)
		for _, s := range cd.spans {
			sp := annotate.NewSpan(d.ID, s.Start, s.End, "")
			b.Spans = append(b.Spans, &annotate.BatchSpan{Span: *sp, LabelName: s.LabelName})
		}
	}
	return b, nil
}
