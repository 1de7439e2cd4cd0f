package article

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"gloss/annotate"
)

// checkDocs fails unless every document is valid and all its strings are UTF-8.
func checkDocs(t *testing.T, docs []*annotate.Document) {
	t.Helper()
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid document: %v", err)
		}
		if !utf8.ValidString(d.Title) || !utf8.ValidString(d.Text) {
			t.Fatalf("invalid UTF-8 in %q", d.Title)
		}
		for k, v := range d.Metadata {
			s, _ := v.(string)
			if !utf8.ValidString(k) || !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in metadata %q", k)
			}
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join("testdata", p.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>Tom &amp; Jerry&nbsp;x</p>"))
	f.Add([]byte("\xFF\xFE<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadHTML("fuzz.html", data)
		if err != nil {
			if docs != nil {
				t.Fatal("documents returned with an error")
			}
			return
		}
		checkDocs(t, docs)
	})
}

func FuzzDOCX(f *testing.F) {
	f.Add(fullDOCX(f))
	f.Add(buildDOCX(f, "word/document.xml", docxBody))
	f.Add(buildDOCX(f, "word/document.xml", `<w:document `+wordNS+`><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadDOCX("fuzz.docx", data, DOCXOptions{MaxBytes: 1 << 20})
		if err != nil {
			if docs != nil {
				t.Fatal("documents returned with an error")
			}
			return
		}
		checkDocs(t, docs)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,title,text,year\n1,A,\"x\ny\",2020\n2,,z,\n"), false)
	f.Add([]byte("\xEF\xBB\xBFtext\tn\nhello\t1\n"), true)
	f.Add(utf16Bytes("text,a\nx,1\n", binary.LittleEndian), false)
	f.Add([]byte("text;a\n\"q\"\"uote\";1\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := "fuzz.csv"
		if tsv {
			name = "fuzz.tsv"
		}
		docs, err := ReadCSV(name, data, CSVOptions{TitleColumn: "title", IDColumn: "id"})
		if err != nil {
			if docs != nil {
				t.Fatal("documents returned with an error")
			}
			docs, err = ReadCSV(name, data, CSVOptions{})
			if err != nil {
				return
			}
		}
		checkDocs(t, docs)
	})
}
