package formats

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// SkipExamples is how many paths Summary names per skip reason.
const SkipExamples = 5

// FormatCount is how many files a plan reads in one format.
type FormatCount struct {
	Format string // the format's name, e.g. "html"
	Files  int
}

// SkipGroup is the files and folders a plan leaves out for one reason.
type SkipGroup struct {
	Reason string
	Paths  []string // in the plan's order
}

// Took counts the files the plan reads, by format name in name order (a
// folder read as a whole counts its files), and their total.
func (p *Plan) Took() (files int, byFormat []FormatCount) {
	n := map[string]int{}
	for _, r := range p.Reads {
		k := 1
		if r.Files != nil {
			k = len(r.Files)
		}
		n[r.Format.Name] += k
		files += k
	}
	for f, k := range n {
		byFormat = append(byFormat, FormatCount{f, k})
	}
	sort.Slice(byFormat, func(i, j int) bool { return byFormat[i].Format < byFormat[j].Format })
	return files, byFormat
}

// SkippedByReason groups the plan's Skipped by reason, in the order each
// reason first occurs.
func (p *Plan) SkippedByReason() []SkipGroup {
	var groups []SkipGroup
	at := map[string]int{}
	for _, s := range p.Skipped {
		i, ok := at[s.Reason]
		if !ok {
			i = len(groups)
			at[s.Reason] = i
			groups = append(groups, SkipGroup{Reason: s.Reason})
		}
		groups[i].Paths = append(groups[i].Paths, s.Path)
	}
	return groups
}

// tookList is "1 csv, 2 html".
func tookList(byFormat []FormatCount) string {
	parts := make([]string, len(byFormat))
	for i, c := range byFormat {
		parts[i] = fmt.Sprintf("%d %s", c.Files, c.Format)
	}
	return strings.Join(parts, ", ")
}

// Summary says which files the plan takes, by format, and which it skips,
// by reason, naming the first SkipExamples paths of each, as gloss-cli
// import prints it:
//
//	took 6 files: 2 csv, 1 docx, 1 html, 1 jsonl, 1 text
//	skipped 1 file or folder:
//	  1 hidden: corpus/.git
func (p *Plan) Summary() string {
	var b strings.Builder
	files, byFormat := p.Took()
	fmt.Fprintf(&b, "took %s: %s\n", countOf(files, "file", "files"), tookList(byFormat))
	if len(p.Skipped) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "skipped %s:\n", countOf(len(p.Skipped), "file or folder", "files or folders"))
	for _, g := range p.SkippedByReason() {
		shown := g.Paths
		if len(shown) > SkipExamples {
			shown = shown[:SkipExamples]
		}
		more := ""
		if len(g.Paths) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(g.Paths)-len(shown))
		}
		fmt.Fprintf(&b, "  %d %s: %s%s\n", len(g.Paths), g.Reason, strings.Join(shown, ", "), more)
	}
	return b.String()
}

// ShortSummary is Summary on one short line for a status bar:
// ShortTook, then ShortSkipped when something was skipped:
//
//	6 files (2 csv, 1 docx, 1 html, 1 jsonl, 1 text); skipped photo.png (not imported from folders)
func (p *Plan) ShortSummary() string {
	if sk := p.ShortSkipped(); sk != "" {
		return p.ShortTook() + "; " + sk
	}
	return p.ShortTook()
}

// ShortTook is how many files the plan reads and of which formats:
// "6 files (2 csv, 1 docx, 1 html, 1 jsonl, 1 text)".
func (p *Plan) ShortTook() string {
	files, byFormat := p.Took()
	return fmt.Sprintf("%s (%s)", countOf(files, "file", "files"), tookList(byFormat))
}

// ShortSkipped says briefly what the plan skips, "" for nothing: the name
// (not the path) of a single file with its reason in a few words, or the
// count per reason: "skipped photo.png (not imported from folders)",
// "skipped 8 (7 hidden, 1 not imported from folders)".
func (p *Plan) ShortSkipped() string {
	switch len(p.Skipped) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("skipped %s (%s)", filepath.Base(p.Skipped[0].Path), shortReason(p.Skipped[0].Reason))
	}
	groups := p.SkippedByReason()
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = fmt.Sprintf("%d %s", len(g.Paths), shortReason(g.Reason))
	}
	return fmt.Sprintf("skipped %d (%s)", len(p.Skipped), strings.Join(parts, ", "))
}

// shortReasons are the plan's reasons in a few words.
var shortReasons = map[string]string{
	SkipHidden:     "hidden",
	SkipNotText:    "not imported from folders",
	SkipNotRegular: "not a regular file",
	SkipNotBrat:    "not part of a brat document",
}

// shortReason is a skip reason in a few words: a known one's short form,
// else the reason up to its first parenthesis or colon.
func shortReason(r string) string {
	if s, ok := shortReasons[r]; ok {
		return s
	}
	if i := strings.IndexAny(r, "(:"); i > 0 {
		r = r[:i]
	}
	return strings.TrimSpace(r)
}

// countOf says "1 file", "2 files".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
