package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The corpus of the find tests: Cyrillic, accented Latin, German ß, emoji
// and underscores next to the words, so that case folding and the
// whole-word rule (letters, digits, _; not ASCII \b) are exercised.
var findCorpus = map[string]string{
	"alpha": "Лавров сказал: лавров, ЛАВРОВ и Лавровы. Café café CAFÉ cafés 🤝café🤝 _café 2café éCafé\n" +
		"Second line: «Лавров» and Lavrov🤝Lavrov.",
	"beta":  "éLavrov Lavrov🤝 Lavrové, lavrov_ 9lavrov (LAVROV) straße STRASSE Straße ΣΟΦΊΑ σοφία.",
	"gamma": "Nothing to find here: only ß and 🤝.",
}

var findTitles = []string{"alpha", "beta", "gamma"}

// refHit is a hit of the reference scan, in code points.
type refHit struct {
	doc        string
	start, end int
}

// refScan is the reference the CLI is checked against: a left-to-right scan
// over runes, folding case with strings.EqualFold on single characters,
// taking a match when it passes the whole-word rule and going on at its end,
// else going on one character later.
func refScan(text, needle string, caseSensitive, wholeWord bool) [][2]int {
	t, n := []rune(text), []rune(needle)
	word := func(i int) bool {
		if i < 0 || i >= len(t) {
			return false
		}
		r := t[i]
		return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
	}
	var out [][2]int
	for i := 0; i+len(n) <= len(t); {
		ok := true
		for j := range n {
			a, b := t[i+j], n[j]
			if a != b && (caseSensitive || !strings.EqualFold(string(a), string(b))) {
				ok = false
				break
			}
		}
		if ok && (!wholeWord || !word(i-1) && !word(i+len(n))) {
			out = append(out, [2]int{i, i + len(n)})
			i += len(n)
			continue
		}
		i++
	}
	return out
}

// refAll runs refScan over the corpus in import order.
func refAll(needle string, caseSensitive, wholeWord bool) []refHit {
	var out []refHit
	for _, d := range findTitles {
		for _, h := range refScan(findCorpus[d], needle, caseSensitive, wholeWord) {
			out = append(out, refHit{d, h[0], h[1]})
		}
	}
	return out
}

// findProject makes a project with the find corpus and the sample labels.
func findProject(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "ada")
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	var files []string
	for _, d := range findTitles {
		f := filepath.Join(dir, d+".txt")
		if err := os.WriteFile(f, []byte(findCorpus[d]), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	mustGC(t, append([]string{"import", p}, files...)...)
	return p
}

// listSpans returns the project's spans as document title and offsets, sorted.
func listSpans(t *testing.T, p string) []refHit {
	t.Helper()
	var out []refHit
	for _, line := range strings.Split(strings.TrimSpace(mustGC(t, "span", "list", "--json", p)), "\n") {
		if line == "" {
			continue
		}
		var r spanRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("span list --json: %v: %s", err, line)
		}
		out = append(out, refHit{r.Document, r.Start, r.End})
	}
	sortHits(out)
	return out
}

func sortHits(h []refHit) {
	order := map[string]int{"alpha": 0, "beta": 1, "gamma": 2}
	sort.Slice(h, func(i, j int) bool {
		if h[i].doc != h[j].doc {
			return order[h[i].doc] < order[h[j].doc]
		}
		return h[i].start < h[j].start
	})
}

func equalHits(a, b []refHit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestAnnotateMatchesReferenceScan: annotate --match, with and without
// --whole-word and --case-sensitive, adds exactly the spans the reference
// scan finds; a second run adds nothing, counts them present and records
// no edit; one undo removes the whole batch.
func TestAnnotateMatchesReferenceScan(t *testing.T) {
	cases := []struct {
		needle      string
		flags       []string
		cs, whole   bool
		wantAtLeast int
	}{
		{"лавров", nil, false, false, 5},
		{"Lavrov", []string{"--whole-word"}, false, true, 4},
		{"café", []string{"--whole-word"}, false, true, 4},
		{"Café", []string{"--case-sensitive"}, true, false, 1},
		{"σοφία", nil, false, false, 2},
		{"straße", nil, false, false, 2},
	}
	for _, c := range cases {
		t.Run(c.needle+strings.Join(c.flags, ""), func(t *testing.T) {
			p := findProject(t)
			want := refAll(c.needle, c.cs, c.whole)
			if len(want) < c.wantAtLeast {
				t.Fatalf("reference scan found %d; the corpus should give at least %d", len(want), c.wantAtLeast)
			}
			args := append([]string{"annotate", "--label", "actor", "--match", c.needle}, c.flags...)
			out := mustGC(t, append(args, p)...)
			if !strings.Contains(out, "added "+count(len(want), "span")) {
				t.Errorf("annotate said %q; want %d added", out, len(want))
			}
			if got := listSpans(t, p); !equalHits(got, want) {
				t.Fatalf("spans %v\nwant %v", got, want)
			}
			hist := mustGC(t, "history", p)
			out = mustGC(t, append(args, p)...)
			if !strings.Contains(out, "added 0 spans") || !strings.Contains(out, "; "+itoa(len(want))+" already present") {
				t.Errorf("second run said %q", out)
			}
			if again := mustGC(t, "history", p); again != hist {
				t.Errorf("a run that added nothing changed the log:\n%s", again)
			}
			if out := mustGC(t, "undo", p); !strings.Contains(out, "add-spans") {
				t.Errorf("undo said %q", out)
			}
			if got := listSpans(t, p); len(got) != 0 {
				t.Errorf("one undo left %d spans", len(got))
			}
		})
	}
}

// TestAnnotateRegexAndDictionary checks --regex (case-sensitive as written)
// against Go's regexp with byte offsets turned into code points, and
// --dict against the reference scan of its terms (longest first).
func TestAnnotateRegexAndDictionary(t *testing.T) {
	p := findProject(t)
	expr := `Лавров\p{L}*`
	re := regexp.MustCompile(expr)
	var want []refHit
	for _, d := range findTitles {
		text := findCorpus[d]
		for _, m := range re.FindAllStringIndex(text, -1) {
			want = append(want, refHit{d, utf8.RuneCountInString(text[:m[0]]), utf8.RuneCountInString(text[:m[1]])})
		}
	}
	if len(want) != 3 {
		t.Fatalf("regexp found %d; the corpus has 3 case-sensitive Лавров words", len(want))
	}
	mustGC(t, "annotate", "--label", "actor", "--regex", expr, p)
	if got := listSpans(t, p); !equalHits(got, want) {
		t.Fatalf("regex spans %v\nwant %v", got, want)
	}
	mustGC(t, "undo", p)

	dict := filepath.Join(t.TempDir(), "dict.tsv")
	if err := os.WriteFile(dict, []byte("term\tlabel\nЛавров\tactor\nstraße\tclaim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustGC(t, "annotate", "--dict", dict, "--whole-word", p)
	wantN := len(refAll("Лавров", false, true)) + len(refAll("straße", false, true))
	if !strings.Contains(out, "added "+count(wantN, "span")) {
		t.Errorf("dict annotate said %q; want %d", out, wantN)
	}
	labels := mustGC(t, "stats", p)
	if !strings.Contains(labels, "claim") {
		t.Errorf("stats after dict: %s", labels)
	}
}

// TestAnnotateDryRunWritesNothing: a dry run leaves the project file's
// bytes as they were and prints counts per document and hits in context.
func TestAnnotateDryRunWritesNothing(t *testing.T) {
	p := findProject(t)
	before, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	out := mustGC(t, "annotate", "--dry-run", "--label", "actor", "--match", "lavrov", "--whole-word", p)
	want := refAll("lavrov", false, true)
	perDoc := map[string]int{}
	for _, h := range want {
		perDoc[h.doc]++
	}
	for d, n := range perDoc {
		if !strings.Contains(out, d+": "+itoa(n)+" to add") {
			t.Errorf("dry run does not say %s: %d to add:\n%s", d, n, out)
		}
	}
	if !strings.Contains(out, "[Lavrov]") || !strings.Contains(out, "dry run: nothing written") {
		t.Errorf("dry run shows no hit in context:\n%s", out)
	}
	after, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the dry run changed the project file")
	}
	if got := listSpans(t, p); len(got) != 0 {
		t.Errorf("dry run added %d spans", len(got))
	}
}

// TestAnnotateBadInput: a bad dictionary row names its line; a missing
// label and a wrong flag combination are refused before anything is written.
func TestAnnotateBadInput(t *testing.T) {
	p := findProject(t)
	dict := filepath.Join(t.TempDir(), "dict.tsv")
	if err := os.WriteFile(dict, []byte("Лавров\tactor\nstraße\n\nbad\trow\textra\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := gc(t, "annotate", "--dict", dict, "--label", "claim", p)
	if code != 1 || !strings.Contains(errs, "dict.tsv:4:") {
		t.Errorf("bad dictionary row: exit %d, %q; want the file and line 4", code, errs)
	}
	if _, errs, code := gc(t, "annotate", "--label", "nosuch", "--match", "x", p); code != 1 || !strings.Contains(errs, `"nosuch"`) {
		t.Errorf("missing label: exit %d, %q", code, errs)
	}
	if _, _, code := gc(t, "annotate", "--label", "actor", "--match", "x", "--regex", "y", p); code != 2 {
		t.Errorf("--match with --regex: exit %d; want 2", code)
	}
	if _, errs, code := gc(t, "annotate", "--label", "actor", "--regex", "(", p); code != 1 || errs == "" {
		t.Errorf("bad regex: exit %d, %q", code, errs)
	}
	if got := listSpans(t, p); len(got) != 0 {
		t.Errorf("refused runs added %d spans", len(got))
	}
}

// TestAnnotateOnlyNamedDocuments: --doc limits a run to the documents named.
func TestAnnotateOnlyNamedDocuments(t *testing.T) {
	p := findProject(t)
	mustGC(t, "annotate", "--label", "actor", "--match", "lavrov", "--doc", "beta", p)
	var want []refHit
	for _, h := range refAll("lavrov", false, false) {
		if h.doc == "beta" {
			want = append(want, h)
		}
	}
	if got := listSpans(t, p); !equalHits(got, want) {
		t.Errorf("spans %v\nwant %v", got, want)
	}
}

// TestSearchJSON: search --json gives one object a line with exactly the
// fields document, title, start, end, context, every hit of the reference
// scan in document order, and --limit keeps the first N.
func TestSearchJSON(t *testing.T) {
	p := findProject(t)
	for _, c := range []struct {
		q     string
		flags []string
		whole bool
	}{{"lavrov", nil, false}, {"lavrov", []string{"--whole-word"}, true}, {"CAFÉ", nil, false}} {
		want := refAll(c.q, false, c.whole)
		out := mustGC(t, append(append([]string{"search", "--json"}, c.flags...), p, c.q)...)
		var got []refHit
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var obj map[string]any
			if err := json.Unmarshal([]byte(line), &obj); err != nil {
				t.Fatalf("not JSON: %q", line)
			}
			var keys []string
			for k := range obj {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if strings.Join(keys, ",") != "context,document,end,start,title" {
				t.Fatalf("search --json fields %v", keys)
			}
			var r searchRow
			json.Unmarshal([]byte(line), &r)
			hit := string([]rune(findCorpus[r.Title])[r.Start:r.End])
			if !strings.Contains(r.Context, hit) || !strings.EqualFold(hit, c.q) {
				t.Errorf("hit %q [%d,%d) context %q", hit, r.Start, r.End, r.Context)
			}
			got = append(got, refHit{r.Title, r.Start, r.End})
		}
		if !equalHits(got, want) {
			t.Errorf("search %q %v: %v\nwant %v", c.q, c.flags, got, want)
		}
	}
	out := mustGC(t, "search", "--json", "--limit", "2", p, "lavrov")
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("--limit 2 gave %d lines", n)
	}
	if out := mustGC(t, "search", p, "ΣΟΦΊΑ"); !strings.Contains(out, "[σοφία]") || !strings.Contains(out, "[ΣΟΦΊΑ]") {
		t.Errorf("search text output: %q", out)
	}
}

// TestConcordance: the KWIC of a label has one row per span, the CSV form
// its header, and --sort right orders rows by the word after the hit.
func TestConcordance(t *testing.T) {
	p := findProject(t)
	mustGC(t, "annotate", "--label", "actor", "--match", "lavrov", "--whole-word", p)
	n := len(refAll("lavrov", false, true))
	out := mustGC(t, "concordance", "--label", "actor", "--csv", "--sort", "right", p)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 || strings.Join(rows[0], ",") != "document,start,end,label,left,hit,right" {
		t.Fatalf("concordance CSV: %d rows (want %d), header %v", len(rows), n+1, rows[0])
	}
	var prev []string
	for i, r := range rows[1:] {
		if !strings.EqualFold(r[5], "lavrov") || r[3] != "actor" {
			t.Errorf("row %v", r)
		}
		w := strings.FieldsFunc(strings.ToLower(r[6]), func(c rune) bool {
			return !unicode.IsLetter(c) && !unicode.IsNumber(c) && !unicode.IsMark(c) && c != '_'
		})
		if i > 0 && strings.Join(prev, " ") > strings.Join(w, " ") {
			t.Errorf("--sort right: %q after %q", w, prev)
		}
		prev = w
	}
	text := mustGC(t, "concordance", "--query", "café", "--width", "8", p)
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) != len(refAll("café", false, false)) {
		t.Errorf("concordance --query: %d lines", len(lines))
	}
	for _, l := range lines {
		r := []rune(l)
		if len(r) < 14 || string(r[8:10]) != "  " || !strings.EqualFold(string(r[10:14]), "café") {
			t.Errorf("hit not aligned after 8 code points of left context: %q", l)
		}
	}
}
