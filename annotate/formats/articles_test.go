package formats

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats/article"
	"gloss/internal/fixture"
)

// TestMixedFolderPlanAndLoad: a folder of articles of every kind is planned
// in one walk, each file in its format, the image skipped with its reason,
// and loaded into documents carrying their provenance.
func TestMixedFolderPlanAndLoad(t *testing.T) {
	dir := fixture.ArticleFolder(t)
	plan, err := PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lines.jsonl jsonl", "news/page.html html", "notes.txt text", "tables/articles.csv csv", "tables/more.tsv csv", "word/report.docx docx"}
	if got := rel(t, dir, plan); !reflect.DeepEqual(got, want) {
		t.Errorf("reads %q\nwant %q", got, want)
	}
	if len(plan.Skipped) != 1 || filepath.Base(plan.Skipped[0].Path) != "photo.png" || plan.Skipped[0].Reason != SkipNotText {
		t.Errorf("skipped %+v", plan.Skipped)
	}
	b, err := Load(context.Background(), plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]*annotate.Document{}
	for _, d := range b.Documents {
		byTitle[d.Title] = d
	}
	if len(b.Documents) != 7 {
		t.Fatalf("%d documents: %v", len(b.Documents), keys(byTitle))
	}
	sum := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		return hex.EncodeToString(h[:])
	}
	page := byTitle["Les pêcheurs du lac protestent contre les quotas"]
	if page == nil {
		t.Fatalf("no HTML document among %v", keys(byTitle))
	}
	for k, v := range map[string]string{"author": "Élodie Marchand", "date": "2024-05-02", "site": "Le Courrier du Lac", "lang": "fr",
		"url": "https://courrier-du-lac.example/2024/05/pecheurs-quotas", "source": filepath.Join(dir, "news/page.html"), "sha256": sum("news/page.html")} {
		if page.Metadata[k] != v {
			t.Errorf("HTML metadata %s = %v, want %q", k, page.Metadata[k], v)
		}
	}
	if !strings.Contains(page.Text, "Une centaine de pêcheurs") || strings.Contains(page.Text, "cookies") || strings.Contains(page.Text, "Accueil") {
		t.Errorf("HTML text:\n%s", page.Text)
	}
	docx := byTitle["Rapport annuel"]
	if docx == nil || docx.Text != "Premier paragraphe du rapport.\n\nSecond paragraphe." || docx.Metadata["author"] != "Ana Ruiz" ||
		docx.Metadata["sha256"] != sum("word/report.docx") || docx.Metadata["lang"] != "fr-FR" || !strings.HasPrefix(docx.Metadata["date"].(string), "2023-11-05") {
		t.Errorf("DOCX document %+v", docx)
	}
	row := byTitle["Zweite Meldung"]
	if row == nil || row.Text != "Straße gesperrt wegen Hochwasser." || row.Metadata["author"] != "Jörg Weiß" || row.Metadata["id"] != "a2" ||
		row.Metadata["sha256"] != sum("tables/articles.csv") {
		t.Errorf("CSV row document %+v", row)
	}
	if d := byTitle["Première dépêche"]; d == nil || d.Text != "Le conseil a voté le budget.\nDeux lignes." {
		t.Errorf("CSV quoted line break: %+v", d)
	}
	if d := byTitle["more row 1"]; d == nil || d.Text != "النص العربي هنا" || d.Metadata["column.source"] != "agency" {
		t.Errorf("TSV document %+v", d)
	}
	if byTitle["notes"] == nil || byTitle["jsonl one"] == nil {
		t.Errorf("text or JSONL document missing: %v", keys(byTitle))
	}
}

func keys(m map[string]*annotate.Document) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestCSVColumnsThroughPlan: the CSV options of PlanPathsWith reach the
// reader; a table with neither a text column nor the span table's header is
// refused naming the file and the columns looked for.
func TestCSVColumnsThroughPlan(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.csv")
	if err := os.WriteFile(path, []byte("key,headline,body,desk\nk1,Hello,Body one,world\nk2,,Body two,sport\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadPaths(context.Background(), []string{path}, "auto")
	errorNames(t, err, "t.csv:1", `no text column "text"`, "document_id,document_title,start,end,label", `"key", "headline", "body", "desk"`)

	plan, err := PlanPathsWith([]string{dir}, ReadOptions{CSV: article.CSVOptions{TextColumn: "body", TitleColumn: "headline", IDColumn: "key"}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(context.Background(), plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents) != 2 || b.Documents[0].Title != "Hello" || b.Documents[1].Title != "k2" || b.Documents[1].Text != "Body two" ||
		b.Documents[1].Metadata["desk"] != "sport" {
		t.Errorf("documents %+v", b.Documents)
	}
}

// TestCSVSpanTableRoundTrip: the span table CSV export writes is read back
// as the same spans (document, offsets, label, note, annotator).
func TestCSVSpanTableRoundTrip(t *testing.T) {
	src := corpusSource(t)
	var buf bytes.Buffer
	if _, err := csvFormat.Write(&buf, src); err != nil {
		t.Fatal(err)
	}
	b, err := readCSV("spans.csv", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	names := labelNames(src.labels)
	var want, got []string
	for _, d := range src.docs {
		for _, s := range src.spans[d.ID] {
			want = append(want, strings.Join([]string{s.DocumentID, strconv.Itoa(s.Start), strconv.Itoa(s.End), names[s.LabelID], s.Note, s.Annotator}, "|"))
		}
	}
	for _, s := range b.Spans {
		got = append(got, strings.Join([]string{s.DocumentID, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.LabelName, s.Note, s.Annotator}, "|"))
	}
	sort.Strings(want)
	sort.Strings(got)
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("read back %d spans, wrote %d", len(got), len(want))
	}
	bad := strings.Replace(buf.String(), "\n", "\nx,t,9,2,actor,,,\n", 1)
	_, err = readCSV("spans.csv", []byte(bad))
	errorNames(t, err, "spans.csv:2")
}

// TestArticleSniffers: the HTML and DOCX sniffers accept their files only.
func TestArticleSniffers(t *testing.T) {
	docx := fixture.DOCX(t, "T", "A", "2024-01-01T00:00:00Z", "p")
	for _, c := range []struct {
		f    *Format
		head string
		want bool
	}{
		{htmlFormat, "\uFEFF\n  <!DOCTYPE HTML><html>", true},
		{htmlFormat, "<html lang=en>", true},
		{htmlFormat, `{"text":"<html>"}`, false},
		{docxFormat, string(docx), true},
		{docxFormat, "PK\x03\x04 not a word file", false},
		{docxFormat, "<html>", false},
	} {
		if got := c.f.Sniff([]byte(c.head)); got != c.want {
			t.Errorf("%s sniffs %.20q as %v", c.f.Name, c.head, got)
		}
	}
}
