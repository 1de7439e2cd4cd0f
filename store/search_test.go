package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/find"
	"gloss/annotate/gen"
)

// searchCorpus is a generated corpus (with Cyrillic, Chinese, Arabic,
// emoji and typographic quotes) plus documents with the characters the
// index folds apart from Go (Cyrillic ᲂ, the Kelvin sign, long s), CRLF
// line ends, combining accents and double quotes.
func searchCorpus() *annotate.Batch {
	b := gen.Corpus(gen.Options{Docs: 300, Size: 600, Seed: 9})
	for i, text := range []string{
		"Мᲂсква and МОСКВА and москва\r\nnext line",
		"the \u212Aelvin scale; ſtate of the art; \"quoted\" words",
		"Zu\u0308rich with a combining accent, Zürich without",
		"ǅemal and ǄEMAL and ǆemal",
	} {
		b.Documents = append(b.Documents, annotate.NewDocument(fmt.Sprintf("special %d", i), text, ""))
	}
	return b
}

// scanSearch is the reference: every document's text, read and matched.
func scanSearch(t *testing.T, s *Store, query string, opts find.Options, limit int) []string {
	t.Helper()
	m, err := find.NewLiteral(query, opts)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, info := range docs {
		d, err := s.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range m.FindAll(d.Text) {
			if limit > 0 && len(out) == limit {
				return out
			}
			out = append(out, fmt.Sprintf("%s[%d,%d)", d.ID, h.Start, h.End))
		}
	}
	return out
}

func indexSearch(t *testing.T, s *Store, query string, opts find.Options, limit int) []string {
	t.Helper()
	var out []string
	err := s.SearchText(query, opts, limit, func(d *annotate.Document, hits []find.Hit) bool {
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s[%d,%d)", d.ID, h.Start, h.End))
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var searchQueries = []string{"stabilizing factor", "STABILIZING FACTOR", "Москва", "МОСКВА", "москва", "мᲂсква",
	"zürich", "ZÜRICH", "Zurich", "北京", "🤝", "“gradual convergence”", "\"quoted\"", "kelvin", "KELVIN", "state",
	"STATE", "ǆemal", "ǅEMAL", "line\r\nnext", "al", "a", "s on Mon", "الصين", "no such phrase anywhere", "e w"}

// TestSearchTextMatchesScan: for every query and option, the index gives
// exactly the hits (documents, order and code point offsets) that reading
// every text gives, with and without a limit, before a bulk import is
// indexed, after, and after a small write indexed in its transaction.
func TestSearchTextMatchesScan(t *testing.T) {
	s := newProject(t)
	if _, err := s.Import(searchCorpus()); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.IndexBuilt(); err != nil || ok {
		t.Fatalf("a bulk import was indexed in its own transaction: %v %v", ok, err)
	}
	checkSearches(t, s) // the imported documents read in full
	if err := s.BuildIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	checkSearches(t, s) // through the index
	func() {            // reading the table in order where a quarter of the documents or more are candidates
		defer func(n int) { sequentialMinDocs = n }(sequentialMinDocs)
		sequentialMinDocs = 0
		checkSearches(t, s)
		for q, want := range map[string]bool{"stabilizing factor": true, "no such phrase anywhere": false, "elvin scale": false} {
			ts, err := s.beginTextSearch(q, find.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := ts.manyCandidates(); got != want {
				t.Errorf("%q: many candidates %v, want %v", q, got, want)
			}
			ts.tx.Rollback()
		}
	}()
	// A small write is indexed in its own transaction.
	addDoc(t, s, "late", "Москва, stabilizing factor")
	if ok, err := s.IndexBuilt(); err != nil || !ok {
		t.Fatalf("one added document left the index incomplete: %v %v", ok, err)
	}
	checkSearches(t, s)
}

func checkSearches(t *testing.T, s *Store) {
	t.Helper()
	hits := 0
	for _, q := range searchQueries {
		for _, opts := range []find.Options{{}, {CaseSensitive: true}, {WholeWord: true}, {IgnoreAccents: true}} {
			for _, limit := range []int{0, 3} {
				want := scanSearch(t, s, q, opts, limit)
				got := indexSearch(t, s, q, opts, limit)
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("%q %+v limit %d:\n index %v\n  scan %v", q, opts, limit, got, want)
				}
				hits += len(want)
			}
		}
	}
	if hits < 1000 {
		t.Fatalf("only %d hits in all: the corpus does not exercise the search", hits)
	}
}

// TestIndexBuiltLazily: a project made before the index gets it empty;
// searches are exact before, during and after BuildIndex (with documents
// added and deleted meanwhile), progress is reported, and the index
// passes FTS5's own integrity check against the documents.
func TestIndexBuiltLazily(t *testing.T) {
	var stmts []string
	for _, d := range searchCorpus().Documents {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO documents(id, title, text, sha256, length, created_at, updated_at)
			VALUES ('%s', '%s', '%s', '%s', %d, 'x', '2025-01-01T00:00:00Z')`, d.ID, d.Title,
			strings.ReplaceAll(d.Text, "'", "''"), d.SHA256, len([]rune(d.Text))))
	}
	path := legacyProjectAt(t, 4, stmts...)
	s, err := Open(path, Options{Annotator: "a", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ok, _ := s.IndexBuilt(); ok {
		t.Fatal("the index of an upgraded project claims to be complete")
	}
	checkSearches(t, s)
	addDoc(t, s, "added before the build", "Москва stabilizing factor here")
	// Index one batch only, then change documents on both sides of it.
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 50
	if err := s.write(func(tx *sql.Tx) error { _, _, err := indexNextBatch(tx); return err }); err != nil {
		t.Fatal(err)
	}
	docs, _ := s.Documents()
	if err := s.DeleteDocument(docs[5].ID); err != nil { // indexed
		t.Fatal(err)
	}
	if err := s.DeleteDocument(docs[len(docs)-2].ID); err != nil { // not indexed yet
		t.Fatal(err)
	}
	checkSearches(t, s)
	var calls, lastDone, lastTotal int
	if err := s.BuildIndex(context.Background(), func(done, total int) { calls, lastDone, lastTotal = calls+1, done, total }); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.IndexBuilt(); !ok || calls < 5 || lastDone != lastTotal || lastTotal != len(docs)-2 {
		t.Fatalf("built %v after %d progress calls, last %d of %d (want %d)", ok, calls, lastDone, lastTotal, len(docs)-2)
	}
	addDoc(t, s, "added after the build", "ZÜRICH stabilizing factor")
	checkSearches(t, s)
	for _, table := range []string{"text_index", "title_index"} {
		if _, err := s.db.Exec(fmt.Sprintf(`INSERT INTO %s(%s, rank) VALUES ('integrity-check', 1)`, table, table)); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
}

// TestSearchTitles: titles holding the query come first; a query with a
// typo still gets candidates; short queries and the limit work.
func TestSearchTitles(t *testing.T) {
	s := newProject(t)
	if _, err := s.Import(searchCorpus()); err != nil {
		t.Fatal(err)
	}
	if err := s.BuildIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchTitles("article 0012", 20)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, h := range hits {
		found[h.Title] = true
	}
	for i := 120; i < 130; i++ {
		if title := fmt.Sprintf("article %05d", i); !found[title] {
			t.Errorf("%q holds the query but is not a candidate: %v", title, hits)
		}
	}
	if hits, _ := s.SearchTitles("ARTICLE 00299", 5); len(hits) != 5 || hits[0].Title != "article 00299" {
		t.Errorf("case-insensitive: %v", hits)
	}
	if hits, _ := s.SearchTitles("artcle 00299", 5); len(hits) == 0 {
		t.Error("a typo found nothing")
	}
	if hits, _ := s.SearchTitles("al", 3); len(hits) != 3 || !strings.Contains(strings.ToLower(hits[0].Title), "al") {
		t.Errorf("short query: %v", hits)
	}
	if hits, _ := s.SearchTitles("", 7); len(hits) != 7 {
		t.Errorf("empty query: %d", len(hits))
	}
	if _, err := s.SearchTitles("x", 0); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("limit 0: %v", err)
	}
}
