package article

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"strings"
	"testing"
)

// bombBody is a valid document.xml of about n bytes that compresses to almost nothing.
func bombBody(n int) string {
	run := `<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>`
	return `<w:document ` + wordNS + `><w:body>` + strings.Repeat(run, n/len(run)) + `</w:body></w:document>`
}

func TestDOCXDefaultCapIs200MB(t *testing.T) {
	if DefaultMaxDOCXBytes != 200*1024*1024 {
		t.Errorf("DefaultMaxDOCXBytes = %d, want 200 MB", DefaultMaxDOCXBytes)
	}
	// The zero options use it: 2 MB of text reads fine.
	data := buildDOCX(t, "word/document.xml", bombBody(2<<20))
	if len(data) > 100<<10 {
		t.Fatalf("test archive not compressed: %d bytes", len(data))
	}
	if _, err := ReadDOCX("big.docx", data, DOCXOptions{}); err != nil {
		t.Errorf("2 MB under the default cap: %v", err)
	}
}

func TestDOCXZipBombIsRefused(t *testing.T) {
	const capBytes = 1 << 20
	for label, data := range map[string][]byte{
		"one entry over the cap": buildDOCX(t, "word/document.xml", bombBody(2<<20)),
		"entries over the cap together": buildDOCX(t, "word/document.xml", bombBody(600<<10),
			"word/footnotes.xml", `<w:footnotes `+wordNS+`>`+strings.Repeat(" ", 600<<10)+`</w:footnotes>`),
		"header lies about the size": lyingZip(t, "word/document.xml", bombBody(2<<20)),
	} {
		docs, err := ReadDOCX("bomb.docx", data, DOCXOptions{MaxBytes: capBytes})
		if err == nil || docs != nil {
			t.Errorf("%s: want a refusal, got %v and %d documents", label, err, len(docs))
			continue
		}
		if !strings.HasPrefix(err.Error(), "bomb.docx: ") {
			t.Errorf("%s: error does not name the file: %v", label, err)
		}
		if label != "header lies about the size" && !strings.Contains(err.Error(), "more than 1 MB") {
			t.Errorf("%s: error does not give the cap: %v", label, err)
		}
	}
}

// lyingZip writes one deflated entry whose header claims 100 bytes.
func lyingZip(t *testing.T, name, content string) []byte {
	t.Helper()
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(content))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return buf.Bytes()
}
