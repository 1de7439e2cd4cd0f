package article

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// docxBody is a document.xml body with headings (one under a German style
// ID), runs, a soft break, a deletion, a field code, a table, a text box in
// mc:AlternateContent and footnote and endnote references.
const docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Budget 2024</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The council </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>approved</w:t></w:r><w:r><w:t xml:space="preserve"> the budget</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:del w:id="9"><w:r><w:delText>secret draft</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Votes:</w:t><w:tab/><w:t>31 to 12</w:t><w:br/><w:t>Abstentions: 4</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>Größte Posten</w:t></w:r></w:p>
<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amount</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Schools</w:t></w:r></w:p><w:p><w:r><w:t>and nurseries</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>€ 4.2 m</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Pull quote</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Pull quote</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Opposition members walked out</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> before the vote</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t>; the mayor called it theatre</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>`

const docxStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style></w:styles>`

const docxFootnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + wordNS + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Minutes of the council, 1 February 2024.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:t>Seven members left.</w:t></w:r></w:p><w:p><w:r><w:t>Two returned later.</w:t></w:r></w:p></w:footnote></w:footnotes>`

const docxEndnotes = `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ` + wordNS + `>
<w:endnote w:id="1"><w:p><w:r><w:t>Reported by the clerk.</w:t></w:r></w:p></w:endnote></w:endnotes>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Council approves the 2024 budget</dc:title><dc:creator>Anna Schmidt</dc:creator><dc:language>en-GB</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-01T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-02-03T10:30:00Z</dcterms:modified></cp:coreProperties>`

const docxPackageRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`

// buildDOCX writes a zip holding parts (archive path -> content), in order.
func buildDOCX(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fullDOCX is a complete test document.
func fullDOCX(t testing.TB) []byte {
	return buildDOCX(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels", docxPackageRels,
		"word/_rels/document.xml.rels", docxDocRels,
		"word/document.xml", docxBody,
		"word/styles.xml", docxStyles,
		"word/footnotes.xml", docxFootnotes,
		"word/endnotes.xml", docxEndnotes,
		"docProps/core.xml", docxCore)
}

func TestReadDOCXRoundTrip(t *testing.T) {
	data := fullDOCX(t)
	docs, err := ReadDOCX("council.docx", data, DOCXOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	doc := docs[0]
	want := "Budget 2024\n\n" +
		"The council approved the budget[1].\n\n" +
		"Votes:\t31 to 12\nAbstentions: 4\n\n" +
		"Größte Posten\n\n" +
		"Item\tAmount\nSchools and nurseries\t€ 4.2 m\n\n" +
		"Pull quote\n\n" +
		"Opposition members walked out[2] before the vote[3]; the mayor called it theatre[1].\n\n" +
		"[1] Minutes of the council, 1 February 2024.\n" +
		"[2] Reported by the clerk.\n" +
		"[3] Seven members left. Two returned later."
	if doc.Text != want {
		t.Errorf("text =\n%q\nwant\n%q", doc.Text, want)
	}
	if doc.Title != "Council approves the 2024 budget" {
		t.Errorf("title = %q", doc.Title)
	}
	sum := sha256.Sum256(data)
	for k, v := range map[string]string{"author": "Anna Schmidt", "date": "2024-02-01T09:00:00Z",
		"created": "2024-02-01T09:00:00Z", "modified": "2024-02-03T10:30:00Z", "lang": "en-GB",
		"source": "council.docx", "sha256": hex.EncodeToString(sum[:])} {
		if got, _ := doc.Metadata[k].(string); got != v {
			t.Errorf("metadata %s = %q, want %q", k, got, v)
		}
	}
	if err := doc.Validate(); err != nil {
		t.Error(err)
	}
}

func TestReadDOCXTitleFallbacks(t *testing.T) {
	noTitle := strings.Replace(docxCore, "<dc:title>Council approves the 2024 budget</dc:title>", "", 1)
	a, err := ExtractDOCX("c.docx", buildDOCX(t, "word/document.xml", docxBody, "word/styles.xml", docxStyles,
		"docProps/core.xml", noTitle), DOCXOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Budget 2024" {
		t.Errorf("title from the first heading = %q", a.Title)
	}
	// Without styles.xml a style ID starting with "Heading" still counts.
	plain := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>Just text.</w:t></w:r></w:p></w:body></w:document>`
	a, err = ExtractDOCX("notes/Interview 3.docx", buildDOCX(t, "word/document.xml", plain), DOCXOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Interview 3" || a.Text != "Just text." {
		t.Errorf("title = %q, text = %q; want the file name and the paragraph", a.Title, a.Text)
	}
}

func TestReadDOCXErrors(t *testing.T) {
	cases := map[string]struct {
		data []byte
		want string
	}{
		"not a zip":    {[]byte("{\\rtf1 not a docx}"), "not a zip archive"},
		"no document":  {buildDOCX(t, "docProps/core.xml", docxCore), "no word/document.xml"},
		"broken XML":   {buildDOCX(t, "word/document.xml", "<w:document "+wordNS+">\n<w:body>\n<w:p></w:body>"), "word/document.xml: line 3"},
		"broken rels":  {buildDOCX(t, "_rels/.rels", "<Relationships", "word/document.xml", docxBody), "_rels/.rels"},
		"broken notes": {buildDOCX(t, "word/document.xml", docxBody, "word/footnotes.xml", "<w:footnotes "+wordNS+"><w:footnote>"), "word/footnotes.xml"},
	}
	for label, c := range cases {
		docs, err := ReadDOCX("bad.docx", c.data, DOCXOptions{})
		if err == nil || docs != nil {
			t.Errorf("%s: want an error and no documents, got %v, %d", label, err, len(docs))
			continue
		}
		if !strings.HasPrefix(err.Error(), "bad.docx: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q should name the file and say %q", label, err, c.want)
		}
	}
}
