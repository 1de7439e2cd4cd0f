package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

const (
	mergeText1 = "The minister said the plan would fail."
	mergeText2 = "Critics replied that it would not."
)

// coderFiles makes three coders' project files in dir: alice and bob work
// on copies of one distributed project (same document and label IDs);
// carol imported the same texts herself (other IDs) and named a label in
// another case, with another colour, and added one. alice and bob mark
// the same span; carol marks it too.
func coderFiles(t *testing.T, dir string) (paths []string, base *annotate.Document) {
	t.Helper()
	basePath := filepath.Join(dir, "base.gloss")
	s := openAs(t, basePath, "coordinator")
	if err := s.AddLabel(&annotate.Label{Name: "actor", Color: "#111111"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddLabel(&annotate.Label{Name: "claim", Color: "#222222"}); err != nil {
		t.Fatal(err)
	}
	d1 := addDoc(t, s, "one", mergeText1)
	addDoc(t, s, "two", mergeText2)
	s.Close()
	raw, err := os.ReadFile(basePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"alice", "bob"} {
		p := filepath.Join(dir, who+".gloss")
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		c := openAs(t, p, who)
		actor, claim := label(t, c, "actor"), label(t, c, "claim")
		must(t, c.AddSpan(annotate.NewSpan(d1.ID, 4, 12, actor)))
		if who == "alice" {
			must(t, c.AddSpan(annotate.NewSpan(d1.ID, 13, 37, claim)))
		} else {
			must(t, c.AddSpan(annotate.NewSpan(d1.ID, 13, 38, claim)))
		}
		must(t, c.SetStatus(d1.ID, annotate.StatusDone))
		c.Close()
		paths = append(paths, p)
	}
	p := filepath.Join(dir, "carol.gloss")
	c := openAs(t, p, "carol")
	must(t, c.AddLabel(&annotate.Label{Name: "Actor", Color: "#999999"}))
	must(t, c.AddLabel(&annotate.Label{Name: "place", Color: "#333333"}))
	e1 := addDoc(t, c, "first", mergeText1)
	e2 := addDoc(t, c, "second", mergeText2)
	must(t, c.AddSpan(annotate.NewSpan(e1.ID, 4, 12, label(t, c, "actor"))))
	must(t, c.AddSpan(annotate.NewSpan(e2.ID, 0, 7, label(t, c, "place"))))
	must(t, c.SetStatus(e1.ID, annotate.StatusDone))
	c.Close()
	return append(paths, p), d1
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestMergeThreeCoders: three coders' files merge into one project
// without losing identical spans, and merging them again adds nothing.
func TestMergeThreeCoders(t *testing.T) {
	dir := t.TempDir()
	files, d1 := coderFiles(t, dir)
	target := openAs(t, filepath.Join(dir, "team.gloss"), "coordinator")
	defer target.Close()
	must(t, target.AddLabel(&annotate.Label{Name: "ACTOR", Color: "#ABCDEF"}))
	res, err := target.MergeAll(context.Background(), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Documents != (Tally{Added: 2}) || r.Labels != (Tally{Added: 1, Matched: 1}) || r.Spans["alice"] != (Tally{Added: 2}) {
		t.Errorf("alice's merge: %+v", r)
	}
	if r := res[1]; r.Documents != (Tally{Matched: 2}) || r.Labels != (Tally{Matched: 2}) || r.Spans["bob"] != (Tally{Added: 2}) {
		t.Errorf("bob's merge: %+v", r)
	}
	if r := res[2]; r.Documents != (Tally{Matched: 2}) || r.Labels != (Tally{Added: 1, Matched: 1}) || r.Spans["carol"] != (Tally{Added: 2}) {
		t.Errorf("carol's merge: %+v", r)
	}
	docs, _ := target.Documents()
	if len(docs) != 2 || docs[0].ID != d1.ID {
		t.Fatalf("documents after merge: %+v", docs)
	}
	spans, _ := target.Spans(d1.ID)
	byAnn := map[string]int{}
	for _, sp := range spans {
		if sp.Start == 4 && sp.End == 12 {
			byAnn[sp.Annotator]++
		}
	}
	if len(byAnn) != 3 {
		t.Errorf("the span all three marked is kept for %v, want alice, bob and carol", byAnn)
	}
	ls, _ := target.Labels()
	if len(ls) != 3 || ls[0].Name != "ACTOR" || ls[0].Color != "#ABCDEF" {
		t.Errorf("labels after merge: %+v (the target's colour is kept)", ls)
	}
	st, _ := target.Statuses(d1.ID)
	if st["alice"] != annotate.StatusDone || st["bob"] != annotate.StatusDone || st["carol"] != annotate.StatusDone {
		t.Errorf("statuses after merge: %v", st)
	}
	before := teamDump(t, target)
	again, err := target.MergeAll(context.Background(), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		for a, n := range r.Spans {
			if n.Added != 0 {
				t.Errorf("second merge of %s added %d spans of %s", r.File, n.Added, a)
			}
		}
		if r.Documents.Added+r.Labels.Added+r.Statuses.Added != 0 || len(r.Renamed) != 0 {
			t.Errorf("second merge of %s: %+v", r.File, r)
		}
	}
	if after := teamDump(t, target); after != before {
		t.Errorf("merging twice changed the project:\n%s\n---\n%s", before, after)
	}
}

// TestMergeAnnotatorMapAndRenamedIDs: the annotator map renames layers,
// and a span whose ID is taken here by a different span is added under a
// new ID, once.
func TestMergeAnnotatorMapAndRenamedIDs(t *testing.T) {
	dir := t.TempDir()
	files, d1 := coderFiles(t, dir)
	target := openAs(t, files[0], "alice") // alice's own file takes bob's in
	defer target.Close()
	// bob's file has the base's documents; give one of alice's spans the ID
	// of one of bob's, with other content.
	bob := openAs(t, files[1], "bob")
	bobSpans, _ := bob.SpansBy(d1.ID, "bob")
	bob.Close()
	mine, _ := target.SpansBy(d1.ID, "alice")
	if _, err := target.DB().Exec(`UPDATE spans SET id = ? WHERE id = ?`, bobSpans[0].ID, mine[0].ID); err != nil {
		t.Fatal(err)
	}
	res, err := target.Merge(context.Background(), files[1], map[string]string{"bob": "robert"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Spans["robert"] != (Tally{Added: 2}) || len(res.Spans) != 1 || len(res.Renamed) != 1 || res.Renamed[0] != bobSpans[0].ID {
		t.Errorf("merge with a map: %+v", res)
	}
	if st, _ := target.StatusOf(d1.ID, "robert"); st != annotate.StatusDone {
		t.Errorf("robert's status: %q", st)
	}
	again, err := target.Merge(context.Background(), files[1], map[string]string{"bob": "robert"})
	if err != nil || again.Spans["robert"] != (Tally{Matched: 2}) {
		t.Errorf("merge again: %+v, %v", again, err)
	}
}

// TestMergeRefusals: a file that is not a Gloss project, a span that does
// not fit its document, and the project itself are refused naming the
// file; the target is unchanged and the other files byte-identical.
func TestMergeRefusals(t *testing.T) {
	dir := t.TempDir()
	files, d1 := coderFiles(t, dir)
	damaged := filepath.Join(dir, "damaged.gloss")
	raw, _ := os.ReadFile(files[1])
	must(t, os.WriteFile(damaged, raw, 0o644))
	s := openAs(t, damaged, "bob")
	spans, _ := s.SpansBy(d1.ID, "bob")
	if _, err := s.DB().Exec(`UPDATE spans SET "end" = 500 WHERE id = ?`, spans[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	foreign := filepath.Join(dir, "notes.gloss")
	must(t, os.WriteFile(foreign, []byte("just some notes\n"), 0o644))

	targetPath := filepath.Join(dir, "team.gloss")
	target := openAs(t, targetPath, "coordinator")
	defer target.Close()
	if _, err := target.Merge(context.Background(), files[0], nil); err != nil {
		t.Fatal(err)
	}
	before := teamDump(t, target)
	for _, c := range []struct {
		files []string
		want  []string
	}{
		{[]string{files[2], foreign}, []string{foreign, "not a Gloss project"}},
		{[]string{files[2], damaged}, []string{damaged, spans[0].ID, "nothing was merged"}},
		{[]string{targetPath}, []string{targetPath, "itself"}},
		{[]string{filepath.Join(dir, "missing.gloss")}, []string{"missing.gloss"}},
	} {
		bytesBefore := map[string][]byte{}
		for _, f := range c.files {
			bytesBefore[f], _ = os.ReadFile(f)
		}
		_, err := target.MergeAll(context.Background(), c.files, nil)
		if err == nil {
			t.Errorf("merge of %v accepted", c.files)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("merge of %v: error %q does not say %q", c.files, err, w)
			}
		}
		if after := teamDump(t, target); after != before {
			t.Errorf("refused merge of %v changed the project", c.files)
		}
		for f, b := range bytesBefore {
			if f == targetPath {
				continue
			}
			if now, _ := os.ReadFile(f); !bytes.Equal(now, b) {
				t.Errorf("merge changed %s", f)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.gloss")); err == nil {
		t.Error("merge created the missing file")
	}
}
