package formats

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// brat standoff keeps each document as NAME.txt with its annotations in
// NAME.ann, one per line, offsets in code points of the .txt read as UTF-8:
//
//	T1	Person 0 5	Alice
//	T2	Place 10 15;20 25	New York      (discontinuous: fragments joined by a space)
//	#1	AnnotatorNotes T1	free text
//
// Gloss reads T lines as spans (one per fragment, linked by Span.Group) and
// notes on them as span notes. Relations (R), events (E), attributes (A, M),
// normalizations (N) and equivalences (*) have no place in Gloss yet: they
// are counted in Batch.Skipped. annotation.conf's [entities] give labels,
// visual.conf's bgColor their colours.
var bratFormat = &Format{
	Name:       "brat",
	Extensions: []string{".ann"},
	Read:       readBratFile,
	ReadFolder: readBratFolder,
	WriteDir:   writeBratDir,
}

// readBratFile reads one .ann file with the .txt of the same name beside it,
// and the labels of an annotation.conf in the same folder.
func readBratFile(name string, ann []byte) (*annotate.Batch, error) {
	b := &annotate.Batch{Labels: bratLabels(filepath.Dir(name))}
	addBratConfSchema(b, filepath.Dir(name))
	if err := addBratPair(context.Background(), b, name); err != nil {
		return nil, err
	}
	return b, nil
}

// readBratDir reads every .ann file in dir and its subfolders (as the
// folder walk finds them), each with its .txt.
func readBratDir(dir string) (*annotate.Batch, error) {
	anns, _, err := walk(dir, bratFormat)
	if err != nil {
		return nil, err
	}
	return readBratFolder(context.Background(), dir, anns)
}

// bratCompanion reports whether a file found beside .ann files belongs to
// them: the .txt of an .ann, or one of brat's .conf files.
func bratCompanion(p string) bool {
	switch strings.ToLower(filepath.Base(p)) {
	case "annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf":
		return true
	}
	if !strings.EqualFold(filepath.Ext(p), ".txt") {
		return false
	}
	_, err := os.Stat(strings.TrimSuffix(p, filepath.Ext(p)) + ".ann")
	return err == nil
}

// readBratFolder reads the .ann files anns found under root, each with its
// .txt and the labels of the nearest annotation.conf at or above it (up to
// root). It stops with ctx.Err() when ctx is cancelled.
func readBratFolder(ctx context.Context, root string, anns []string) (*annotate.Batch, error) {
	dir := root
	b := &annotate.Batch{}
	seen := map[string]bool{}
	confs := map[string][]*annotate.Label{}
	for _, p := range anns {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for d := filepath.Dir(p); ; d = filepath.Dir(d) {
			if _, done := confs[d]; !done {
				confs[d] = bratLabels(d)
				addBratConfSchema(b, d)
			}
			if len(confs[d]) > 0 || d == filepath.Clean(dir) || d == filepath.Dir(d) {
				for _, l := range confs[d] {
					if key := strings.ToLower(l.Name); !seen[key] {
						seen[key] = true
						b.Labels = append(b.Labels, l)
					}
				}
				break
			}
		}
		if err := addBratPair(ctx, b, p); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// addBratPair reads the .ann file at annPath and its .txt into b.
func addBratPair(ctx context.Context, b *annotate.Batch, annPath string) error {
	ann, err := readInput(ctx, annPath)
	if err != nil {
		return err
	}
	txtPath := strings.TrimSuffix(annPath, filepath.Ext(annPath)) + ".txt"
	txt, err := readInput(ctx, txtPath)
	if err != nil {
		return annotate.Errorf(annotate.EINVALID, "%s: cannot read its text: %v", annPath, err)
	}
	if err := checkFileBytes(txtPath, txt); err != nil {
		return err
	}
	text := string(txt)
	doc := annotate.NewDocument(baseTitle(annPath), text, txtPath)
	return addBratDocument(b, annPath, ann, doc)
}

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

// bratLabels reads the labels of dir/annotation.conf's [entities] section
// (nested, indented names too; "!" marks a grouping name that is not a
// label) with colours from dir/visual.conf. Other sections are ignored. A
// missing file gives no labels: spans still name theirs.
func bratLabels(dir string) []*annotate.Label {
	conf, err := os.ReadFile(filepath.Join(dir, "annotation.conf"))
	if err != nil {
		return nil
	}
	colors := map[string]string{}
	if vis, err := os.ReadFile(filepath.Join(dir, "visual.conf")); err == nil {
		colors = bratColors(string(vis))
	}
	var labels []*annotate.Label
	for _, name := range bratEntities(string(conf)) {
		labels = append(labels, &annotate.Label{Name: name, Color: colors[name]})
	}
	return labels
}

// bratSections calls fn with each non-blank, non-comment line of a brat
// .conf file and the [section] it is in.
func bratSections(conf string, fn func(section, line string)) {
	section := ""
	for _, line := range strings.Split(conf, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			section = strings.ToLower(strings.TrimSpace(t[1 : len(t)-1]))
		default:
			fn(section, t)
		}
	}
}

// bratEntities lists the entity types of an annotation.conf.
func bratEntities(conf string) []string {
	var names []string
	seen := map[string]bool{}
	bratSections(conf, func(section, line string) {
		name := strings.Fields(line)[0]
		if section != "entities" || strings.ContainsAny(name[:1], "!<-") || seen[name] || labelNameProblem(name) != nil {
			return
		}
		seen[name] = true
		names = append(names, name)
	})
	return names
}

// bratColors reads the bgColor of each type in visual.conf's [drawing].
func bratColors(conf string) map[string]string {
	colors := map[string]string{}
	bratSections(conf, func(section, line string) {
		if section != "drawing" {
			return
		}
		name, rest, _ := strings.Cut(strings.ReplaceAll(line, "\t", " "), " ")
		for _, kv := range strings.Split(rest, ",") {
			k, v, _ := strings.Cut(strings.TrimSpace(kv), ":")
			if k == "bgColor" && annotate.ValidColor(strings.TrimSpace(v)) {
				colors[name] = strings.ToUpper(strings.TrimSpace(v))
			}
		}
	})
	return colors
}

// writeBratDir writes each document as TITLE.txt (the stored text, byte for
// byte) and TITLE.ann, plus annotation.conf and visual.conf listing the
// labels. Titles become safe file names (see safeFileName). brat type names
// cannot hold spaces, so spaces in label names become "_"; brat T lines
// cannot hold line breaks, so a span across one is written as fragments
// around it; span annotators are left out. Each is counted in the report.
func writeBratDir(dir string, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
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
