package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gloss/annotate"
	"gloss/annotate/find"
)

func init() {
	register("annotate", "label every occurrence of a text, regex or dictionary (one undoable edit)", cmdAnnotate)
}

// previewHits is how many hits a dry run shows in context.
const previewHits = 10

func cmdAnnotate(e *env, args []string) error {
	fs := newFlags(e, "annotate", "--label L (--match TEXT | --regex RE | --dict FILE) [--case-sensitive] [--whole-word] [--doc TITLE_OR_ID]... [--annotator A] [--dry-run] PROJECT",
		"Label every occurrence in the corpus (or the documents named with --doc) as one edit:\n"+
			"one `gloss-cli undo` removes the whole batch. --match is literal text, case-insensitive\n"+
			"unless --case-sensitive; --regex is Go RE2 syntax and case-sensitive as written (use (?i)\n"+
			"for case-insensitive); --dict is a TSV or CSV of term<TAB>label rows (label optional when\n"+
			"--label is given), case-insensitive unless --case-sensitive, the longest term winning where\n"+
			"terms overlap. --whole-word keeps matches not touching letters, digits or _ (Unicode).\n"+
			"Spans the annotator already has (same document, offsets, label) are skipped and counted.\n"+
			"Offsets are Unicode code points.")
	label := fs.String("label", "", "label name (required with --match and --regex)")
	match := fs.String("match", "", "literal text to find")
	regex := fs.String("regex", "", "regular expression (Go RE2) to find")
	dict := fs.String("dict", "", "dictionary file: term<TAB>label per line (.csv: comma separated)")
	caseSensitive := fs.Bool("case-sensitive", false, "match case exactly (always so for --regex)")
	wholeWord := fs.Bool("whole-word", false, "only matches not touching letters, digits or _")
	var docs stringList
	fs.Var(&docs, "doc", "only this document (title or id); repeatable")
	annotator := fs.String("annotator", "", "whose spans these are (default: $GLOSS_ANNOTATOR, else your user name)")
	dryRun := fs.Bool("dry-run", false, "print what would be added and write nothing")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	given := 0
	for _, s := range []string{*match, *regex, *dict} {
		if s != "" {
			given++
		}
	}
	if given != 1 {
		return errUsage{"give exactly one of --match, --regex or --dict"}
	}
	if *label == "" && *dict == "" {
		return errUsage{"--label is required with --match and --regex"}
	}
	opt := find.Options{CaseSensitive: *caseSensitive || *regex != "", WholeWord: *wholeWord}
	var m find.Matcher
	switch {
	case *match != "":
		m, err = find.NewLiteral(*match, opt)
	case *regex != "":
		m, err = find.NewRegex(*regex, opt)
	default:
		m, err = readDictionary(*dict, *label, opt)
	}
	if err != nil {
		return err
	}
	opts := existing
	if *dryRun {
		opts.ReadOnly = true
	}
	return withAnyProject(pos[0], opts, func(p annotate.Project) error {
		who := *annotator
		if who == "" {
			who = annotatorOf(p)
		}
		targets, err := targetDocs(p, docs)
		if err != nil {
			return err
		}
		labels, err := labelIndex(p, *label, m)
		if err != nil {
			return err
		}
		existingSpans, err := annotatorSpans(p, targets, who, labels)
		if err != nil {
			return err
		}
		plan := find.NewPlan(existingSpans, previewHits, contextWidth)
		for _, info := range targets {
			d, err := p.Document(info.ID)
			if err != nil {
				return err
			}
			hits := m.FindAll(d.Text)
			for i := range hits {
				if hits[i].Label != "" {
					hits[i].Label = labels.canonical(hits[i].Label)
				}
			}
			plan.Offer(d.ID, d.Text, hits, labels.canonical(*label))
		}
		titles := map[string]string{}
		for _, t := range targets {
			titles[t.ID] = t.Title
		}
		if *dryRun {
			fmt.Fprint(e.stdout, plan.Summary(func(id string) string { return titles[id] }))
			fmt.Fprintln(e.stdout, "dry run: nothing written")
			return nil
		}
		spans := make([]*annotate.Span, len(plan.New))
		for i, s := range plan.New {
			spans[i] = annotate.NewSpan(s.Doc, s.Start, s.End, labels.ids[strings.ToLower(s.Label)])
			spans[i].Annotator = who
		}
		added, err := p.AddSpans(spans)
		if err != nil {
			return err
		}
		present := plan.Present + len(spans) - added
		docsWith := map[string]bool{}
		for _, s := range spans {
			docsWith[s.DocumentID] = true
		}
		fmt.Fprintf(e.stdout, "added %s in %s; %d already present", count(added, "span"), count(len(docsWith), "document"), present)
		if added > 0 {
			fmt.Fprint(e.stdout, " (one edit: gloss-cli undo removes them all)")
		}
		fmt.Fprintln(e.stdout)
		return nil
	})
}

// readDictionary reads a --dict file into a matcher.
func readDictionary(path, label string, opt find.Options) (*find.Dictionary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	entries, err := find.ParseDictionary(path, data, label)
	if err != nil {
		return nil, err
	}
	return find.NewDictionary(path, entries, opt)
}

// unwrapPath drops the operation and path an *os.PathError repeats.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// labelSet maps the label names a command uses (any case) to the project's
// labels.
type labelSet struct {
	ids   map[string]string // lower-case name → label ID
	names map[string]string // lower-case name → the name as the project spells it
	byID  map[string]string // label ID → name
}

func (l labelSet) canonical(name string) string {
	if n, ok := l.names[strings.ToLower(name)]; ok {
		return n
	}
	return name
}

// labelIndex reads the project's labels and checks that the label named on
// the command line and every label of a dictionary exist; the error lists
// the missing ones.
func labelIndex(p annotate.Project, label string, m find.Matcher) (labelSet, error) {
	all, err := p.Labels()
	if err != nil {
		return labelSet{}, err
	}
	ls := labelSet{ids: map[string]string{}, names: map[string]string{}, byID: map[string]string{}}
	for _, l := range all {
		ls.ids[strings.ToLower(l.Name)] = l.ID
		ls.names[strings.ToLower(l.Name)] = l.Name
		ls.byID[l.ID] = l.Name
	}
	want := []string{}
	if label != "" {
		want = append(want, label)
	}
	if d, ok := m.(*find.Dictionary); ok {
		want = append(want, d.Labels()...)
	}
	var missing []string
	for _, w := range want {
		if _, ok := ls.ids[strings.ToLower(w)]; !ok {
			missing = append(missing, fmt.Sprintf("%q", w))
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return ls, annotate.Errorf(annotate.ENOTFOUND, "no label named %s in the project: add it first with gloss-cli labels add", strings.Join(missing, ", "))
	}
	return ls, nil
}

// annotatorSpans lists the spans of annotator who in docs, for the plan.
func annotatorSpans(p annotate.Project, docs []annotate.DocumentInfo, who string, ls labelSet) ([]find.Span, error) {
	var out []find.Span
	for _, d := range docs {
		spans, err := p.Spans(d.ID)
		if err != nil {
			return nil, err
		}
		for _, s := range spans {
			if s.Annotator == who {
				out = append(out, find.Span{Doc: s.DocumentID, Start: s.Start, End: s.End, Label: ls.byID[s.LabelID]})
			}
		}
	}
	return out, nil
}

// count says "1 span", "2 spans"; plural, when given, is the plural noun.
func count(n int, noun string, plural ...string) string {
	if n == 1 {
		return "1 " + noun
	}
	if len(plural) > 0 {
		return fmt.Sprintf("%d %s", n, plural[0])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
