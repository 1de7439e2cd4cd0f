package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/annotate/agree"
)

// TestAgreeKrippendorff2004 reproduces the worked example of Krippendorff
// (2004: 254) through the whole command line: a 300-code-point document
// (the book's continuum [150, 450)), two coders, labels c and k.
func TestAgreeKrippendorff2004(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "")
	dir := t.TempDir()
	text := filepath.Join(dir, "k2004.txt")
	os.WriteFile(text, []byte(strings.Repeat("aé🤝 ", 75)), 0o644) // 300 code points, 675 bytes
	p := filepath.Join(dir, "k.gloss")
	mustGC(t, "init", p)
	mustGC(t, "import", p, text)
	mustGC(t, "labels", "add", p, "c")
	mustGC(t, "labels", "add", p, "k")
	for _, u := range []struct {
		offset, length int
		coder, label   string
	}{
		{225, 70, "r0", "c"}, {370, 30, "r0", "c"},
		{220, 80, "r1", "c"}, {355, 20, "r1", "c"}, {400, 20, "r1", "c"},
		{180, 60, "r0", "k"}, {300, 50, "r0", "k"},
		{180, 60, "r1", "k"}, {300, 50, "r1", "k"},
	} {
		mustGC(t, "span", "add", "--annotator", u.coder, "--doc", "k2004", "--start", itoa(u.offset-150),
			"--end", itoa(u.offset-150+u.length), "--label", u.label, p)
	}

	// Nobody marked the document done yet: the default scope is empty.
	_, errs, code := gc(t, "agree", p)
	if code != 1 || !strings.Contains(errs, "no document is marked done by every compared annotator (r0, r1)") || !strings.Contains(errs, "--scope all") {
		t.Errorf("empty scope: exit %d, %q", code, errs)
	}
	mustGC(t, "status", "--annotator", "r0", "--doc", "k2004", p, "done")
	mustGC(t, "status", "--annotator", "r1", "--doc", "k2004", p, "done")

	var r agree.Result
	if err := json.Unmarshal([]byte(mustGC(t, "agree", "--json", p)), &r); err != nil {
		t.Fatal(err)
	}
	within := func(what string, v agree.Value, want, tol float64) {
		t.Helper()
		if !v.Defined || math.Abs(v.X-want) > tol {
			t.Errorf("%s = %v, want %.4f ± %g", what, v, want, tol)
		}
	}
	within("alpha_u", r.AlphaU, 0.8587, 0.0005)
	within("alpha_u(c)", r.Labels["c"].AlphaU, 0.7286, 0.0001)
	within("alpha_u(k)", r.Labels["k"].AlphaU, 1, 0.0001)
	if r.Documents != 1 || r.Length != 300 || len(r.Labels) != 2 || r.Labels["c"].Units["r1"] != 3 || len(r.Pairs) != 1 {
		t.Errorf("agree --json: %+v", r)
	}
	text2 := mustGC(t, "agree", p)
	if !strings.Contains(text2, "Krippendorff's alpha_u: "+r.AlphaU.String()) || !strings.Contains(text2, "over 1 document, 300 code points") {
		t.Errorf("agree text:\n%s", text2)
	}
	csv := mustGC(t, "agree", "--csv", p)
	if !strings.HasPrefix(csv, "document,label,a,b,figure,value\n") || !strings.Contains(csv, ",c,,,alpha_u,0.7285") {
		t.Errorf("agree --csv:\n%s", csv)
	}
	for _, args := range [][]string{
		{"agree", "--json", "--csv", p},
		{"agree", "--scope", "some", p},
	} {
		if _, errs, code := gc(t, args...); code != 2 {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if _, errs, code := gc(t, "agree", "--annotators", "r0", p); code != 1 || !strings.Contains(errs, "two annotators") {
		t.Errorf("one annotator: exit %d, %q", code, errs)
	}
}

// randomSpan is one span the random test adds.
type randomSpan struct {
	doc, start, end int
	label, coder    string
}

// TestAgreeRandomAgainstStudy fills projects with random spans and
// statuses through the command line and compares agree --json (and
// --by-document) with agree.Compute on a study the test builds itself from
// what it added.
func TestAgreeRandomAgainstStudy(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "")
	for seed := uint64(1); seed <= 2; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { randomAgreement(t, seed) })
	}
}

func randomAgreement(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 2004))
	dir := t.TempDir()
	coders, labels := []string{"a1", "a2", "a3"}, []string{"actor", "claim"}
	alphabet := []rune("abé🤝 xyzñ")
	var files []string
	var texts []string
	for i := range 4 {
		rs := make([]rune, 15+rng.IntN(40))
		for j := range rs {
			rs[j] = alphabet[rng.IntN(len(alphabet))]
		}
		rs[0] = 'T' // no leading space for the importer to keep or drop
		texts = append(texts, string(rs))
		files = append(files, filepath.Join(dir, fmt.Sprintf("doc%d.txt", i)))
		os.WriteFile(files[i], []byte(texts[i]), 0o644)
	}
	p := filepath.Join(dir, "r.gloss")
	mustGC(t, "init", p)
	mustGC(t, append([]string{"import", p}, files...)...)

	seen := map[randomSpan]bool{}
	var spans []randomSpan
	for i := 0; len(spans) < 45; i++ {
		d := rng.IntN(len(texts))
		n := utf8.RuneCountInString(texts[d])
		s := randomSpan{doc: d, start: rng.IntN(n), label: labels[rng.IntN(2)], coder: coders[i%3]}
		s.end = s.start + 1 + rng.IntN(min(n-s.start, 8))
		if rng.IntN(3) == 0 && len(spans) > 0 { // another coder copies a span
			s = spans[rng.IntN(len(spans))]
			s.coder = coders[rng.IntN(3)]
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		spans = append(spans, s)
		mustGC(t, "span", "add", "--annotator", s.coder, "--doc", fmt.Sprint("doc", s.doc),
			"--start", itoa(s.start), "--end", itoa(s.end), "--label", s.label, p)
	}
	done := map[int]int{}
	for d := range texts {
		for _, c := range coders {
			if d == 0 || rng.IntN(4) > 0 {
				mustGC(t, "status", "--annotator", c, "--doc", fmt.Sprint("doc", d), p, "done")
				done[d]++
			}
		}
	}
	ids := map[string]string{}
	for _, d := range exportGloss(t, p).Documents {
		ids[d.Title] = d.ID
	}

	// The study, built from what the test added.
	study := func(all bool) agree.Study {
		s := agree.Study{Annotators: coders}
		in := map[int]bool{}
		for d, text := range texts {
			if all || done[d] == len(coders) {
				in[d] = true
				s.Documents = append(s.Documents, agree.Document{ID: ids[fmt.Sprint("doc", d)], Length: utf8.RuneCountInString(text)})
			}
		}
		for _, sp := range spans {
			if in[sp.doc] {
				s.Spans = append(s.Spans, agree.Span{Document: ids[fmt.Sprint("doc", sp.doc)], Start: sp.start, End: sp.end, Label: sp.label, Annotator: sp.coder})
			}
		}
		return s
	}
	for _, all := range []bool{false, true} {
		args := []string{"agree", "--json", "--by-document", p}
		if all {
			args = []string{"agree", "--json", "--by-document", "--scope", "all", p}
		}
		lines := strings.Split(strings.TrimSpace(mustGC(t, args...)), "\n")
		st := study(all)
		want, err := agree.Compute(st)
		if err != nil {
			t.Fatal(err)
		}
		if !want.AlphaU.Defined {
			t.Fatalf("seed %d: alpha_u undefined: the random data compare nothing", seed)
		}
		var got agree.Result
		if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
			t.Fatal(err)
		}
		t.Logf("all=%v: %d documents, alpha_u %v", all, want.Documents, want.AlphaU)
		sameResult(t, fmt.Sprintf("%v", args[:len(args)-1]), got, want)
		byDoc, err := agree.ByDocument(st)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 1+len(byDoc) {
			t.Fatalf("%v: %d lines, want 1 + %d documents", args, len(lines), len(byDoc))
		}
		for i, w := range byDoc {
			var g agree.DocumentResult
			if err := json.Unmarshal([]byte(lines[1+i]), &g); err != nil {
				t.Fatal(err)
			}
			if g.Document != w.Document {
				t.Errorf("line %d: document %q, want %q", i+2, g.Document, w.Document)
			}
			sameResult(t, "document "+w.Document, g.Result, w.Result)
		}
	}
}

// sameResult compares every figure of two results to 1e-9.
func sameResult(t *testing.T, what string, got, want agree.Result) {
	t.Helper()
	val := func(name string, g, w agree.Value) {
		t.Helper()
		if g.Defined != w.Defined || g.Defined && math.Abs(g.X-w.X) > 1e-9 {
			t.Errorf("%s: %s = %v, want %v", what, name, g, w)
		}
	}
	if strings.Join(got.Annotators, ",") != strings.Join(want.Annotators, ",") || got.Documents != want.Documents || got.Length != want.Length {
		t.Errorf("%s: annotators %v, %d documents, length %d; want %v, %d, %d", what,
			got.Annotators, got.Documents, got.Length, want.Annotators, want.Documents, want.Length)
	}
	val("alpha_u", got.AlphaU, want.AlphaU)
	if keys(got.Labels) != keys(want.Labels) || keys(got.Fleiss) != keys(want.Fleiss) {
		t.Errorf("%s: labels %s fleiss %s; want %s, %s", what, keys(got.Labels), keys(got.Fleiss), keys(want.Labels), keys(want.Fleiss))
	}
	for name, w := range want.Labels {
		g := got.Labels[name]
		val("alpha_u("+name+")", g.AlphaU, w.AlphaU)
		val("fleiss("+name+")", got.Fleiss[name], want.Fleiss[name])
		if fmt.Sprint(g.Units, g.Merged) != fmt.Sprint(w.Units, w.Merged) {
			t.Errorf("%s: %s units %v merged %v; want %v, %v", what, name, g.Units, g.Merged, w.Units, w.Merged)
		}
	}
	if len(got.Pairs) != len(want.Pairs) {
		t.Fatalf("%s: %d pairs, want %d", what, len(got.Pairs), len(want.Pairs))
	}
	for i, w := range want.Pairs {
		g := got.Pairs[i]
		pair := w.A + "/" + w.B
		if g.A != w.A || g.B != w.B || keys(g.Kappa) != keys(w.Kappa) {
			t.Errorf("%s: pair %s/%s kappa %s; want %s, %s", what, g.A, g.B, keys(g.Kappa), pair, keys(w.Kappa))
		}
		val(pair+" f1_exact", g.F1Exact, w.F1Exact)
		val(pair+" f1_overlap", g.F1Overlap, w.F1Overlap)
		for name, k := range w.Kappa {
			val(pair+" kappa("+name+")", g.Kappa[name], k)
		}
	}
}

// keys lists a map's keys, sorted and joined.
func keys[V any](m map[string]V) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
