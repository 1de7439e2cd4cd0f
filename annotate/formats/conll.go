package formats

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// CoNLL 2003 / IOB2 holds one token per line with its tag in the last
// column, a blank line after each sentence and a -DOCSTART- line at the
// start of each document:
//
//	-DOCSTART-	O
//
//	Putin	B-actor
//	met	O
//	Xi	B-actor
//	Jinping	I-actor
//	.	O
//
// Tokenizer (used for export): the text is cut into grapheme clusters, so an
// emoji sequence or a letter with its combining accents is never split.
// White space, control and format characters separate tokens; a run of
// clusters starting with a letter, digit or combining mark is one token;
// every other cluster (punctuation, symbols, emoji) is a token on its own.
// So "don't!" gives don ' t !, and "3.5%" gives 3 . 5 %. Each line of the
// text is one sentence.
//
// Export writes a span as B- on its first token and I- on the rest. A span
// must start and end on token boundaries and stay within one line, and
// tokens carry one tag: of overlapping spans the longest is kept. What does
// not fit is counted as left out, as are notes, annotators and
// discontinuous links. Spaces in label names become "_".
//
// Import accepts two or more columns separated by tabs or spaces (the first
// is the token, the last the tag), IOB2, IOB1 (a span may start with I-)
// and BIOES/BILOU tags. The text is rebuilt with single spaces between
// tokens and a line break between sentences; offsets refer to that text.
var conllFormat = &Format{
	Name:       "conll",
	Extensions: []string{".conll", ".iob", ".bio"},
	Read:       readCoNLL,
	Write:      writeCoNLL,
}

// conllToken is one token of a text: its code point range and its line.
type conllToken struct {
	start, end, line int
	text             string
}

// conllTokenize splits text into tokens by the rule in the format's doc.
func conllTokenize(text string) []conllToken {
	var toks []conllToken
	cp, line, state := 0, 0, -1
	inWord := false
	for rest := text; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := utf8.RuneCountInString(cluster)
		r, _ := utf8.DecodeRuneInString(cluster)
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			inWord = false
			if strings.ContainsAny(cluster, "\n\r") {
				line++
			}
		case inWord && conllWordStart(r):
			t := &toks[len(toks)-1]
			t.end += n
			t.text += cluster
		default:
			toks = append(toks, conllToken{start: cp, end: cp + n, line: line, text: cluster})
			inWord = conllWordStart(r)
		}
		cp += n
	}
	return toks
}

// conllWordStart reports whether a cluster starting with r belongs to a word.
func conllWordStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

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
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rep, bw.Flush()
}

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
