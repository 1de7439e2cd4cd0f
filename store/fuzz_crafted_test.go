package store

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/annotate"
)

// FuzzCraftedProject opens project files made from a small sound project
// by mutating its bytes (schema, rows, pages), as a stranger could send
// one. Each must be refused or work: never a panic; a refused file is left
// byte for byte with no -wal, -shm or -journal beside it (CheckFile too
// leaves it so); a file that opens lists, reads every document and span
// (every span read lies within its document's text), checks, and takes an
// edit or refuses it with an error.
func FuzzCraftedProject(f *testing.F) {
	for _, seed := range craftedSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(openCrafted)
}

// TestMutatedProjects runs FuzzCraftedProject's checks on 400 seeded
// random mutations of its seeds (bytes changed, header bytes changed,
// bytes cut out or inserted), so that they run in every go test too.
func TestMutatedProjects(t *testing.T) {
	seeds := craftedSeeds(t)
	rnd := rand.New(rand.NewSource(1))
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		data := append([]byte(nil), seeds[rnd.Intn(len(seeds))]...)
		for k := 0; k < 1+rnd.Intn(4); k++ {
			at := rnd.Intn(len(data))
			switch rnd.Intn(4) {
			case 0:
				data[rnd.Intn(100)] = byte(rnd.Intn(256))
			case 1:
				data = append(data[:at], data[min(len(data), at+1+rnd.Intn(8)):]...)
			case 2:
				data = append(data[:at], append(make([]byte, 1+rnd.Intn(8)), data[at:]...)...)
			default:
				data[at] = byte(rnd.Intn(256))
			}
		}
		openCrafted(t, data)
	}
}

// craftedSeeds returns the bytes of a small sound project and of copies
// of it with a planted schema object or tampered rows.
func craftedSeeds(f testing.TB) [][]byte {
	dir := f.TempDir()
	seed := func(name string, stmts ...string) []byte {
		p := filepath.Join(dir, name)
		s, err := Open(p, Options{NoBackup: true, Annotator: "fuzz"})
		if err != nil {
			f.Fatal(err)
		}
		s.AddLabel(&annotate.Label{Name: "claim"})
		d := annotate.NewDocument("doc", "Moscow and Beijing 🤝 met.", "")
		s.AddDocuments([]*annotate.Document{d, annotate.NewDocument("two", "é\u0301 second", "")})
		claim, _ := s.LabelByName("claim")
		s.AddSpan(annotate.NewSpan(d.ID, 0, 6, claim.ID))
		s.AddSpan(annotate.NewSpan(d.ID, 19, 20, claim.ID))
		s.Close()
		if len(stmts) > 0 {
			db := rawDB(f, p)
			for _, q := range stmts {
				if _, err := db.Exec(q); err != nil {
					f.Fatal(err)
				}
			}
			db.Close()
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	good := seed("good.gloss")
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)-200] ^= 0x40
	return [][]byte{
		good,
		flipped,
		seed("trigger.gloss", `CREATE TRIGGER t AFTER INSERT ON spans BEGIN DELETE FROM documents; END`),
		seed("view.gloss", `CREATE VIEW v AS SELECT * FROM spans`),
		seed("end.gloss", `UPDATE spans SET "end" = 99`),
		seed("length.gloss", `UPDATE documents SET length = 500`),
		seed("sha.gloss", `UPDATE documents SET sha256 = 'x'`),
		seed("rollback.gloss", `PRAGMA journal_mode = DELETE`),
		seed("version.gloss", `PRAGMA user_version = -5`),
	}
}

// openCrafted is one input of FuzzCraftedProject.
func openCrafted(t *testing.T, data []byte) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.gloss")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckFile(context.Background(), p); err != nil && strings.Contains(err.Error(), "\n") {
		t.Fatalf("CheckFile: error of several lines: %q", err)
	}
	assertUntouched(t, p, data, "CheckFile")
	s, err := Open(p, Options{NoBackup: true, Annotator: "fuzz"})
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error of several lines: %q", err)
		}
		assertUntouched(t, p, data, "refused")
		return
	}
	defer s.Close()
	readEverything(t, s)
	s.Check(context.Background())
	s.Stats()
	s.History(0)
	if docs, err := s.Documents(); err == nil && len(docs) > 0 {
		if labels, err := s.Labels(); err == nil && len(labels) > 0 {
			s.AddSpan(annotate.NewSpan(docs[0].ID, 0, 1, labels[0].ID))
			readEverything(t, s)
		}
	}
}

// readEverything reads every document and span, and fails when a span
// read without error does not lie within its document's text.
func readEverything(t *testing.T, s *Store) {
	t.Helper()
	docs, err := s.Documents()
	if err != nil {
		return
	}
	s.Labels()
	for _, info := range docs {
		d, derr := s.Document(info.ID)
		spans, err := s.Spans(info.ID)
		if err != nil {
			continue
		}
		for _, sp := range spans {
			if derr == nil && (sp.Start < 0 || sp.End > utf8.RuneCountInString(d.Text) || sp.Start >= sp.End) {
				t.Fatalf("span %s [%d, %d) read without error outside its text of %d code points", sp.ID, sp.Start, sp.End, utf8.RuneCountInString(d.Text))
			}
			s.Span(sp.ID)
		}
	}
	s.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		for _, sp := range spans {
			if sp.End > utf8.RuneCountInString(d.Text) {
				t.Fatalf("export got span %s past its text", sp.ID)
			}
		}
		return nil
	})
}

// assertUntouched fails when the file at p no longer holds data or has
// journal files beside it.
func assertUntouched(t *testing.T, p string, data []byte, when string) {
	t.Helper()
	if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, data) {
		t.Fatalf("%s: the file changed (%v)", when, err)
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(p + suffix); err == nil {
			t.Fatalf("%s: %s%s was left beside it", when, filepath.Base(p), suffix)
		}
	}
}
