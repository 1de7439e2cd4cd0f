package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gloss/annotate"
	"gloss/internal/whoami"
	"gloss/store"
	"gloss/store/pgstore"
)

// annotatorFlag registers --annotator NAME on a command that writes to a
// project and returns its value. Every writing command calls it once and
// opens the project with asAnnotator(opts, *name): the name is recorded on
// new spans, statuses and the edit log. Left empty, withProject resolves
// the default ($GLOSS_ANNOTATOR, else the OS user name).
func annotatorFlag(fs *flag.FlagSet) *string {
	return fs.String("annotator", "", "who you are: recorded on new spans, statuses and the edit log\n"+
		"(default $GLOSS_ANNOTATOR, else the OS user name)")
}

// asAnnotator returns opts for writing as annotator name; "" means the
// default, which withProject resolves.
func asAnnotator(opts store.Options, name string) store.Options {
	opts.Annotator = name
	return opts
}

// resolveAnnotator returns name, or the default when it is empty, and
// refuses names that would garble the output: blank, with control
// characters or surrounding spaces, or longer than 100 characters.
func resolveAnnotator(name string) (string, error) {
	from := "--annotator"
	if name == "" {
		name, from = whoami.Default(), "the annotator name (from $GLOSS_ANNOTATOR or the OS user)"
	}
	switch {
	case strings.TrimSpace(name) == "":
		return "", errUsage{from + " is blank: give a name"}
	case strings.TrimSpace(name) != name:
		return "", errUsage{fmt.Sprintf("%s %q has spaces around it", from, name)}
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "", errUsage{fmt.Sprintf("%s %q holds a control character", from, name)}
	case len([]rune(name)) > 100:
		return "", errUsage{from + " is longer than 100 characters"}
	}
	return name, nil
}

// nameList splits a comma-separated list of names (--annotators, --labels),
// nil when it is empty.
func nameList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// shown is a name as it may be printed on a terminal: quoted when it is
// empty or holds control or other non-printing characters (a merged file
// may carry any name).
func shown(name string) string {
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// exportSource is the whole project, or one annotator's layer when layer
// is not empty (an annotator with no span in the project is refused: most
// likely a misspelt name), of a project file or a server project.
func exportSource(p annotate.Project, layer string) (annotate.Source, error) {
	if layer == "" {
		src, ok := p.(annotate.Source)
		if !ok {
			return nil, fmt.Errorf("%s cannot be exported", shownTarget(p.Path()))
		}
		return src, nil
	}
	tm, ok := p.(annotate.Team)
	if !ok {
		return nil, fmt.Errorf("%s has no annotators' layers", shownTarget(p.Path()))
	}
	anns, err := tm.Annotators()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(anns, layer) {
		names := make([]string, len(anns))
		for i, a := range anns {
			names[i] = shown(a)
		}
		return nil, fmt.Errorf("no span in the project is by annotator %s (annotators with spans: %s)", shown(layer), strings.Join(names, ", "))
	}
	switch s := p.(type) {
	case *store.Store:
		return s.Layer(layer), nil
	case *pgstore.Store:
		return s.Layer(layer), nil
	}
	return nil, fmt.Errorf("%s cannot export one annotator's layer", shownTarget(p.Path()))
}
