package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/internal/fixture"
	"gloss/store"
)

// TestImportMixedFolder: gloss-cli import of a folder holding an HTML page,
// a Word file, a CSV and a TSV table, a text and a JSONL file takes them
// all, says how many of each it took and what it skipped, and stores the
// documents with their metadata.
func TestImportMixedFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := fixture.ArticleFolder(t)
	p := filepath.Join(t.TempDir(), "p.gloss")
	mustGC(t, "init", p)
	out := mustGC(t, "import", p, dir)
	for _, want := range []string{
		"imported 7 documents",
		"took 6 files: 2 csv, 1 docx, 1 html, 1 jsonl, 1 text\n",
		"skipped 1 file or folder:\n",
		"1 not a kind of file Gloss imports from a folder (.txt, .md, .html, .htm, .docx, .csv, .tsv, .jsonl): import it on its own, or name its format: " + filepath.Join(dir, "photo.png"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	s, err := store.Open(p, store.Options{NoCreate: true, NoBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := map[string]*annotate.Document{}
	infos, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		d, err := s.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs[d.Title] = d
	}
	hash := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		return hex.EncodeToString(h[:])
	}
	page := docs["Les pêcheurs du lac protestent contre les quotas"]
	if page == nil {
		t.Fatalf("no HTML document among %d", len(docs))
	}
	for k, v := range map[string]string{"author": "Élodie Marchand", "date": "2024-05-02", "site": "Le Courrier du Lac", "lang": "fr",
		"url": "https://courrier-du-lac.example/2024/05/pecheurs-quotas", "source": filepath.Join(dir, "news", "page.html"), "sha256": hash("news/page.html")} {
		if page.Metadata[k] != v {
			t.Errorf("HTML %s = %v, want %q", k, page.Metadata[k], v)
		}
	}
	if d := docs["Rapport annuel"]; d == nil || d.Metadata["author"] != "Ana Ruiz" || d.Metadata["sha256"] != hash("word/report.docx") ||
		d.Metadata["source"] != filepath.Join(dir, "word", "report.docx") {
		t.Errorf("DOCX document %+v", d)
	}
	if d := docs["Zweite Meldung"]; d == nil || d.Metadata["author"] != "Jörg Weiß" || d.Metadata["date"] != "2024-01-03" ||
		d.Metadata["sha256"] != hash("tables/articles.csv") {
		t.Errorf("CSV document %+v", d)
	}
}

// TestImportCSVColumns: a table without a text column is refused naming the
// file and the columns looked for, and nothing is imported; --text-column,
// --title-column and --id-column read it.
func TestImportCSVColumns(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "press.csv")
	if err := os.WriteFile(csvPath, []byte("key,headline,body\nk1,Первая,Текст один.\nk2,,Текст два.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	_, errs, code := gc(t, "import", p, csvPath)
	if code != 1 || !strings.Contains(errs, "press.csv:1") || !strings.Contains(errs, `no text column "text"`) || !strings.Contains(errs, "span table") {
		t.Errorf("CSV without a text column: exit %d, %q", code, errs)
	}
	if out := mustGC(t, "search", p, "текст"); out != "" {
		t.Errorf("a refused import stored documents:\n%s", out)
	}
	out := mustGC(t, "import", "--text-column", "body", "--title-column", "headline", "--id-column", "key", p, csvPath)
	if !strings.Contains(out, "imported 2 documents") || !strings.Contains(out, "took 1 file: 1 csv") {
		t.Errorf("import said %q", out)
	}
	list := mustGC(t, "search", p, "текст")
	if !strings.Contains(list, "Первая\t[0, 5)") || !strings.Contains(list, "k2\t[0, 5)") {
		t.Errorf("documents titled from the columns:\n%s", list)
	}
}

// TestImportSpanTableCSV: the CSV span table that export writes, imported
// into the project its documents are in, brings back the spans it lists.
func TestImportSpanTableCSV(t *testing.T) {
	p := findProject(t)
	mustGC(t, "annotate", "--label", "actor", "--match", "lavrov", "--whole-word", p)
	before := mustGC(t, "span", "list", p)
	out := filepath.Join(t.TempDir(), "spans.csv")
	mustGC(t, "export", "--format", "csv", "-o", out, p)
	mustGC(t, "undo", p)
	if got := mustGC(t, "span", "list", p); got != "" {
		t.Fatalf("undo left spans:\n%s", got)
	}
	if msg := mustGC(t, "import", p, out); !strings.Contains(msg, "imported 0 documents, "+itoa(len(refAll("lavrov", false, true)))+" spans") {
		t.Errorf("import of the span table said %q", msg)
	}
	if got := mustGC(t, "span", "list", p); got != before {
		t.Errorf("spans after importing the table:\n%s\nwant\n%s", got, before)
	}
}
