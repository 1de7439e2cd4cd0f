package pgstore

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/internal/pgtest"
	"gloss/store"
)

// teamFile makes a project file coded by ana, ben and cara (overlapping,
// nested and identical spans, Unicode text), with statuses and a gold
// span a curator deleted by hand (an edit the log keeps in effect).
func teamFile(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "coders.gloss")
	open := func(who string) *store.Store {
		s, err := store.Open(path, store.Options{Annotator: who, NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	ana := open("ana")
	claim, actor := annotate.NewLabel("claim", "#E69F00", "1", ""), annotate.NewLabel("actor", "#56B4E9", "2", "")
	for _, l := range []*annotate.Label{claim, actor} {
		if err := ana.AddLabel(l); err != nil {
			t.Fatal(err)
		}
	}
	docs := []*annotate.Document{
		annotate.NewDocument("one", "Zürich's bank said rates will rise 🙂 next year, and Bern agreed.", ""),
		annotate.NewDocument("two", "Paris disagreed with every forecast the bank made.", ""),
		annotate.NewDocument("three", "Nobody 👩‍🔬 has marked this one done.", ""),
	}
	if err := ana.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	coders := map[string]*store.Store{"ana": ana, "ben": open("ben"), "cara": open("cara"), annotate.Gold: open(annotate.Gold)}
	add := func(who string, d, start, end int, l *annotate.Label) *annotate.Span {
		sp := annotate.NewSpan(docs[d].ID, start, end, l.ID)
		if err := coders[who].AddSpan(sp); err != nil {
			t.Fatalf("%s [%d,%d): %v", who, start, end, err)
		}
		return sp
	}
	for _, who := range []string{"ana", "ben", "cara"} {
		add(who, 0, 0, 8, actor)
	}
	add("ana", 0, 9, 34, claim)
	add("ben", 0, 9, 34, claim)
	add("cara", 0, 14, 40, claim)
	add("ana", 0, 52, 56, actor)
	add("cara", 0, 52, 56, actor)
	add("ben", 1, 0, 5, actor)
	add("cara", 1, 0, 5, actor)
	add("ana", 1, 6, 50, claim)
	add("ben", 1, 6, 49, claim)
	add("ana", 2, 0, 6, actor)
	add("cara", 2, 0, 6, claim)
	taken := add(annotate.Gold, 0, 52, 56, actor)
	if err := coders[annotate.Gold].DeleteSpan(taken.ID); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"ana", "ben", "cara"} {
		for _, d := range docs[:2] {
			if err := coders[who].SetStatus(d.ID, annotate.StatusDone); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := coders["ben"].SetStatus(docs[1].ID, annotate.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	return open("curator")
}

// studies are the selections both stores must build identically.
var studies = []struct {
	scope        string
	anns, labels []string
}{
	{"", nil, nil},
	{"done", []string{"ana", "cara"}, nil},
	{"all", nil, nil},
	{"all", []string{"ben", "ana"}, []string{"CLAIM"}},
	{"all", []string{"cara", "ana", "ben"}, []string{"actor", "claim"}},
}

func TestTeamCopiedProjectAgreesAsTheFile(t *testing.T) {
	file := teamFile(t)
	srv, err := InitFrom(ctxb, pgtest.NewDatabase(t), Options{Annotator: "curator"}, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, c := range studies {
		what := fmt.Sprintf("study %q %v %v", c.scope, c.anns, c.labels)
		fs, err := file.AgreementStudy(c.scope, c.anns, c.labels)
		if err != nil {
			t.Fatalf("%s on the file: %v", what, err)
		}
		ss, err := srv.AgreementStudy(c.scope, c.anns, c.labels)
		if err != nil {
			t.Fatalf("%s on the server: %v", what, err)
		}
		if len(fs.Spans) == 0 || len(fs.Documents) == 0 {
			t.Fatalf("%s on the file is empty: %+v", what, fs)
		}
		if !reflect.DeepEqual(fs, ss) {
			t.Errorf("%s differs:\nfile   %+v\nserver %+v", what, fs, ss)
		}
		fr, err := agree.Compute(fs)
		if err != nil {
			t.Fatal(err)
		}
		sr, err := agree.Compute(ss)
		if err != nil {
			t.Fatal(err)
		}
		fj, _ := json.Marshal(fr)
		sj, _ := json.Marshal(sr)
		if string(fj) != string(sj) || !fr.AlphaU.Defined {
			t.Errorf("%s: agreement differs (or alpha_u is undefined):\nfile   %s\nserver %s", what, fj, sj)
		}
		fd, _ := agree.ByDocument(fs)
		sd, _ := agree.ByDocument(ss)
		if !reflect.DeepEqual(fd, sd) {
			t.Errorf("%s: agreement by document differs", what)
		}
	}
}

func TestTeamCurationOnTheServerGivesTheFilesGold(t *testing.T) {
	file := teamFile(t)
	srv, err := InitFrom(ctxb, pgtest.NewDatabase(t), Options{Annotator: "curator"}, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, run := range []struct {
		strategy string
		anns     []string
	}{{"unanimous", nil}, {"majority", []string{"ana", "cara"}}, {"majority", nil}, {"majority", nil}} {
		fres, err := file.CurateGold(run.strategy, run.anns)
		if err != nil {
			t.Fatal(err)
		}
		sres, err := srv.CurateGold(run.strategy, run.anns)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fres, sres) {
			t.Errorf("%s %v: the file's run %+v, the server's %+v", run.strategy, run.anns, fres, sres)
		}
		fg, sg := goldTupleList(t, file), goldTupleList(t, srv)
		if fg != sg || fg == "[]" {
			t.Errorf("%s %v: gold differs:\nfile\n%s\nserver\n%s", run.strategy, run.anns, fg, sg)
		}
	}
	// The gold span deleted in the file before the copy stays out on both.
	res, _ := srv.CurateGold("majority", nil)
	if res.Rejected != 1 {
		t.Errorf("the server's run rejected %d tuples, want the 1 deleted by hand in the file", res.Rejected)
	}
}

// goldTupleList is the project's gold layer as sorted tuples.
func goldTupleList(t *testing.T, p interface {
	annotate.Project
	annotate.Team
}) string {
	t.Helper()
	docs, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		spans, err := p.SpansBy(d.ID, annotate.Gold)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range spans {
			out = append(out, fmt.Sprintf("%s [%d,%d) %s", d.Title, sp.Start, sp.End, sp.LabelID))
		}
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}
