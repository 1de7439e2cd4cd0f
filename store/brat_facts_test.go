package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"gloss/annotate/formats"
	"gloss/internal/fixture"
)

// bratFacts parses an .ann file into its facts with the IDs resolved: a T
// line is (type, offsets, text), an R line its type and role:fact
// arguments, an E line its type, trigger and arguments (events inside
// resolved recursively), A and M lines (name, target fact, value), N, *
// and # lines likewise. Two files with equal fact lists say the same thing.
func bratFacts(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string][]string{} // id: tab fields
	var order []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		id := f[0]
		if id == "*" {
			id = fmt.Sprintf("*%d", len(order))
		}
		lines[id] = f
		order = append(order, id)
	}
	var fact func(id string, depth int) string
	fact = func(id string, depth int) string {
		f, ok := lines[id]
		if !ok || depth > 20 {
			t.Fatalf("%s: %s is not defined", path, id)
		}
		parts := strings.Fields(f[1])
		switch id[0] {
		case 'T':
			return fmt.Sprintf("T(%s|%s|%s)", parts[0], strings.Join(parts[1:], " "), f[2])
		case 'R', 'E':
			args := []string{}
			for i, a := range parts {
				role, ref, _ := strings.Cut(a, ":")
				if id[0] == 'R' && i == 0 {
					args = append(args, a)
					continue
				}
				args = append(args, role+"="+fact(ref, depth+1))
			}
			head := args[0]
			rest := args[1:]
			sort.Strings(rest)
			return fmt.Sprintf("%c(%s %s)", id[0], head, strings.Join(rest, " "))
		case 'A', 'M':
			v := ""
			if len(parts) > 2 {
				v = parts[2]
			}
			return fmt.Sprintf("A(%s %s %s)", parts[0], fact(parts[1], depth+1), v)
		case 'N':
			return fmt.Sprintf("N(%s %s %s %s)", parts[0], fact(parts[1], depth+1), parts[2], f[2])
		case '#':
			text := ""
			if len(f) > 2 {
				text = f[2]
			}
			return fmt.Sprintf("#(%s %s %s)", parts[0], fact(parts[1], depth+1), text)
		case '*':
			var ms []string
			for _, m := range parts[1:] {
				ms = append(ms, fact(m, depth+1))
			}
			sort.Strings(ms)
			return fmt.Sprintf("*(%s %s)", parts[0], strings.Join(ms, " "))
		}
		t.Fatalf("%s: unknown line %v", path, f)
		return ""
	}
	var out []string
	for _, id := range order {
		out = append(out, fact(id, 0))
	}
	sort.Strings(out)
	return out
}

// TestBratTutorialRoundTripKeepsEveryFact imports brat's tutorial corpus
// (relations, events nested in events, attributes on spans and events,
// notes on spans, relations and events, an equivalence set, a
// normalisation) into a project and exports it as brat: every .ann file
// says the same as the original, IDs apart.
func TestBratTutorialRoundTripKeepsEveryFact(t *testing.T) {
	dir := fixture.Path(t, "brat-news")
	b, err := formats.LoadPaths(context.Background(), []string{dir}, "brat")
	if err != nil {
		t.Fatal(err)
	}
	s := newProject(t)
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	brat, _ := formats.Lookup("brat")
	rep, err := formats.ExportFile(context.Background(), brat, s, out)
	if err != nil {
		t.Fatal(err)
	}
	delete(rep.Dropped, "span annotator names") // brat has no annotators
	if len(rep.Dropped) != 0 {
		t.Errorf("export left out %v", rep.Dropped)
	}
	anns, _ := filepath.Glob(filepath.Join(dir, "*.ann"))
	kinds := map[byte]int{}
	for _, p := range anns {
		want := bratFacts(t, p)
		got := bratFacts(t, filepath.Join(out, filepath.Base(p)))
		if !slices.Equal(got, want) {
			t.Errorf("%s: facts differ\n got %q\nwant %q", filepath.Base(p), got, want)
		}
		for _, f := range want {
			kinds[f[0]]++
		}
	}
	for _, k := range []byte("TREAN*#") {
		if kinds[k] == 0 {
			t.Errorf("no %c facts compared: is the corpus complete?", k)
		}
	}
	conf, err := os.ReadFile(filepath.Join(out, "annotation.conf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Located\tArg1:Person, Arg2:GPE", "Merge-org\t", "Confidence\tArg:<EVENT>, Value:High|Neutral|Low", "Individual\tArg:<ENTITY>"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("annotation.conf lacks %q:\n%s", want, conf)
		}
	}
}
