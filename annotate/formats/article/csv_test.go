package article

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"strings"
	"testing"
	"unicode/utf16"
)

// corpusRows is a small spreadsheet: a header and three articles, one with a
// line break and quotes inside its text, plus a column named source.
var corpusRows = [][]string{
	{"id", "headline", "text", "outlet", "published", "source"},
	{"a1", "Strike vote at the port", "Dock workers voted to strike.", "Harbour Times", "2024-03-14", "print"},
	{"a2", "", "First line.\nSecond line with \"quotes\", and a comma.", "Rheinischer Bote", "2023-11-07", "web"},
	{"a3", "Brotpreise steigen", "Der Preis für Brot steigt um 6 %.", "", "2024-01-21", ""},
}

// writeCSV encodes rows with encoding/csv, as a spreadsheet would save them.
func writeCSV(t *testing.T, rows [][]string, comma rune) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = comma
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// utf16Bytes encodes s as UTF-16 with a byte order mark, as Excel's "Unicode text".
func utf16Bytes(s string, order binary.ByteOrder) []byte {
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...)
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

func TestReadCSVRoundTrip(t *testing.T) {
	plain := writeCSV(t, corpusRows, ',')
	files := map[string][]byte{
		"corpus.csv":           []byte(plain),
		"corpus-bom.csv":       []byte("\xEF\xBB\xBF" + plain),
		"corpus.tsv":           []byte(writeCSV(t, corpusRows, '\t')),
		"corpus-semicolon.csv": []byte(writeCSV(t, corpusRows, ';')),
		"corpus-utf16le.csv":   utf16Bytes(plain, binary.LittleEndian),
		"corpus-utf16be.csv":   utf16Bytes(plain, binary.BigEndian),
		"excel-unicode.txt":    utf16Bytes(writeCSV(t, corpusRows, '\t'), binary.LittleEndian),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			docs, err := ReadCSV(name, data, CSVOptions{TitleColumn: "headline", IDColumn: "id"})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 3 {
				t.Fatalf("got %d documents, want 3", len(docs))
			}
			sum := sha256.Sum256(data)
			hash := hex.EncodeToString(sum[:])
			wantTitles := []string{"Strike vote at the port", "a2", "Brotpreise steigen"}
			for i, doc := range docs {
				row := corpusRows[i+1]
				if doc.Text != row[2] {
					t.Errorf("row %d text = %q, want %q", i+1, doc.Text, row[2])
				}
				if doc.Title != wantTitles[i] {
					t.Errorf("row %d title = %q, want %q", i+1, doc.Title, wantTitles[i])
				}
				want := map[string]string{"id": row[0], "outlet": row[3], "published": row[4],
					"column.source": row[5], "source": name, "sha256": hash}
				for k, v := range want {
					got, ok := doc.Metadata[k].(string)
					if v == "" && ok {
						t.Errorf("row %d: empty %s kept as %q", i+1, k, got)
					} else if v != "" && got != v {
						t.Errorf("row %d metadata %s = %q, want %q", i+1, k, got, v)
					}
				}
				if _, ok := doc.Metadata["headline"]; ok {
					t.Errorf("the title column is repeated in the metadata")
				}
				if _, ok := doc.Metadata["text"]; ok {
					t.Errorf("the text column is repeated in the metadata")
				}
				if err := doc.Validate(); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestReadCSVTitlesAndColumns(t *testing.T) {
	data := "Text,Year\r\nOne article.,2020\r\n,\r\nTwo articles.,2021\r\n"
	docs, err := ReadCSV("dir/news.csv", []byte(data), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Title != "news row 1" || docs[1].Title != "news row 3" {
		t.Fatalf("want 2 documents titled by row (blank row skipped), got %d: %+v", len(docs), docs)
	}
	if docs[0].Text != "One article." || docs[0].Metadata["Year"] != "2020" {
		t.Errorf("text column matched case-insensitively: %q %v", docs[0].Text, docs[0].Metadata)
	}
	docs, err = ReadCSV("x.csv", []byte("a;b\n1;2\n"), CSVOptions{TextColumn: "b", Comma: ';'})
	if err != nil || docs[0].Text != "2" || docs[0].Metadata["a"] != "1" {
		t.Errorf("explicit separator and text column: %v %+v", err, docs)
	}
}

func TestReadCSVErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, data string
		opts       CSVOptions
		want       string
	}{
		{"fields.csv", "text,year\nok,1\n\"multi\nline\",2\nbad,3,extra\n", CSVOptions{}, "fields.csv:5: the row has a different number of fields"},
		{"quote.csv", "text,year\nok,1\nbro\"ken,2\n", CSVOptions{}, "quote.csv:3: column 4: bare \" in non-quoted-field"},
		{"open.csv", "text,year\n\"never closed,1\n", CSVOptions{}, "open.csv:"},
		{"nocol.csv", "body,year\nx,1\n", CSVOptions{}, `nocol.csv:1: no column "text" among "body", "year"`},
		{"notitle.csv", "text\nx\n", CSVOptions{TitleColumn: "title"}, `notitle.csv:1: no column "title"`},
		{"dupcol.csv", "text,a,a\nx,1,2\n", CSVOptions{}, `dupcol.csv:1: column "a" appears twice`},
		{"dupid.csv", "id,text\n7,x\n8,y\n7,z\n", CSVOptions{IDColumn: "id"}, `dupid.csv:4: id "7" already used on line 2`},
		{"empty.csv", "", CSVOptions{}, "empty.csv: empty file"},
		{"header.csv", "text\n", CSVOptions{}, "header.csv: no rows"},
		{"blank.csv", "text,n\nx,1\n ,2\n", CSVOptions{}, `blank.csv:3: empty text in column "text"`},
		{"latin1.csv", "text\nCaf\xe9\n", CSVOptions{}, `latin1.csv: line 2: invalid UTF-8`},
	}
	for _, c := range cases {
		docs, err := ReadCSV(c.name, []byte(c.data), c.opts)
		if err == nil || docs != nil {
			t.Errorf("%s: want an error and no documents, got %v, %d", c.name, err, len(docs))
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to contain %q", c.name, err, c.want)
		}
	}
	_, err := ReadCSV("latin1.csv", []byte("text\nCaf\xe9\n"), CSVOptions{})
	if err == nil || !strings.Contains(err.Error(), "CSV UTF-8") {
		t.Errorf("a non-UTF-8 file should say how to save it as UTF-8: %v", err)
	}
}
