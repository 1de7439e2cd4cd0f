package article

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"gloss/annotate"
)

// DefaultMaxDOCXBytes caps what the DOCX reader unpacks from one file, all
// parts together: 200 MB.
const DefaultMaxDOCXBytes int64 = 200 << 20

// DOCXOptions tune the DOCX reader. The zero value is the default.
type DOCXOptions struct {
	// MaxBytes caps the uncompressed bytes read from the archive, counted as
	// they are read (the sizes in the zip headers are not trusted), over all
	// the parts read together; 0 means DefaultMaxDOCXBytes.
	MaxBytes int64
}

// ReadDOCX reads a Word file as one document: paragraphs in order separated
// by a blank line, tables as one tab-separated line per row, footnotes and
// endnotes as "[n] text" lines after the text (with "[n]" where each is
// referenced). The title is the document's title property, else its first
// heading, else the file name; author, date (created), created, modified and
// lang come from docProps/core.xml. A file that unpacks beyond the cap is
// refused as a possible zip bomb.
func ReadDOCX(name string, data []byte, opts DOCXOptions) ([]*annotate.Document, error) {
	a, err := ExtractDOCX(name, data, opts)
	if err != nil {
		return nil, err
	}
	return documents(name, []Article{a})
}

// errTooBig stops reading an archive that unpacks beyond its cap.
var errTooBig = errors.New("unpacks beyond the cap")

// docxFile is an opened archive with what is left of its read budget.
type docxFile struct {
	name  string
	files map[string]*zip.File
	left  int64
	max   int64
}

// ExtractDOCX is ReadDOCX before the article becomes a document.
func ExtractDOCX(name string, data []byte, opts DOCXOptions) (Article, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxDOCXBytes
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return Article{}, fileErr(name, "not a DOCX file (not a zip archive: %v); an old .doc or a password-protected file must be saved again as .docx", err)
	}
	f := &docxFile{name: name, files: map[string]*zip.File{}, left: max, max: max}
	for _, zf := range zr.File {
		if _, dup := f.files[zf.Name]; !dup {
			f.files[zf.Name] = zf
		}
	}
	main, err := f.mainPart()
	if err != nil {
		return Article{}, err
	}
	if f.files[main] == nil {
		return Article{}, fileErr(name, "not a DOCX file (no %s in the archive)", main)
	}
	parts := map[string]string{}
	if err := f.readRels(relsPath(main), path.Dir(main), parts); err != nil {
		return Article{}, err
	}
	p := &docxParser{styles: map[string]bool{}, noteNum: map[string]int{}}
	if err := f.parse(parts["styles"], p.readStyles); err != nil {
		return Article{}, err
	}
	if err := f.parse(main, p.readBody); err != nil {
		return Article{}, err
	}
	notes := map[string]string{}
	for _, kind := range []string{"footnotes", "endnotes"} {
		if err := f.parse(parts[kind], func(d *xml.Decoder) error { return p.readNotes(d, kind, notes) }); err != nil {
			return Article{}, err
		}
	}
	var core coreProps
	if err := f.parse("docProps/core.xml", func(d *xml.Decoder) error { return d.Decode(&core) }); err != nil {
		return Article{}, err
	}
	meta := provenance(name, data)
	meta[KeyAuthor] = oneLine(core.Creator)
	meta["created"] = oneLine(core.Created)
	meta["modified"] = oneLine(core.Modified)
	meta[KeyDate] = meta["created"]
	meta[KeyLang] = oneLine(core.Language)
	title := oneLine(core.Title)
	if title == "" {
		title = oneLine(p.firstHeading)
	}
	if title == "" {
		title = baseTitle(name)
	}
	return Article{Title: title, Text: cleanText(p.text(notes)), Meta: meta}, nil
}

// coreProps are the fields of docProps/core.xml the reader keeps.
type coreProps struct {
	Title    string `xml:"title"`
	Creator  string `xml:"creator"`
	Created  string `xml:"created"`
	Modified string `xml:"modified"`
	Language string `xml:"language"`
}

// mainPart returns the archive path of the main document part, from the
// package relationships, or word/document.xml.
func (f *docxFile) mainPart() (string, error) {
	parts := map[string]string{}
	if err := f.readRels("_rels/.rels", "", parts); err != nil {
		return "", err
	}
	if parts["officeDocument"] != "" {
		return parts["officeDocument"], nil
	}
	return "word/document.xml", nil
}

// relsPath returns the relationships part of the part at p.
func relsPath(p string) string {
	return path.Join(path.Dir(p), "_rels", path.Base(p)+".rels")
}

// readRels records, by the last segment of each relationship type, the
// archive path of the part it points at; defaults for the parts the reader
// wants are set first.
func (f *docxFile) readRels(relsName, dir string, parts map[string]string) error {
	for _, kind := range []string{"styles", "footnotes", "endnotes"} {
		parts[kind] = path.Join(dir, kind+".xml")
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := f.parse(relsName, func(d *xml.Decoder) error { return d.Decode(&rels) }); err != nil {
		return err
	}
	for _, r := range rels.Rel {
		if r.Mode == "External" || r.Target == "" {
			continue
		}
		target := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(r.Target, "/")
		}
		parts[path.Base(r.Type)] = target
	}
	return nil
}

// parse runs read on the XML of the archive entry named part, counting the
// bytes against the budget; a missing entry is not an error.
func (f *docxFile) parse(part string, read func(*xml.Decoder) error) error {
	zf := f.files[part]
	if zf == nil {
		return nil
	}
	rc, err := zf.Open()
	if err != nil {
		return fileErr(f.name, "%s: %v", part, err)
	}
	defer rc.Close()
	err = read(xml.NewDecoder(&capReader{r: rc, f: f}))
	switch {
	case f.left < 0 || errors.Is(err, errTooBig):
		return fileErr(f.name, "refused: it unpacks to more than %s (at %s); a DOCX this large is likely a zip bomb", sizeText(f.max), part)
	case err == io.EOF:
		return fileErr(f.name, "%s: unexpected end of the XML", part)
	case err != nil:
		var syn *xml.SyntaxError
		if errors.As(err, &syn) {
			return fileErr(f.name, "%s: line %d: %s", part, syn.Line, syn.Msg)
		}
		return fileErr(f.name, "%s: %v", part, err)
	}
	return nil
}

// capReader reads an archive entry, failing once the file's budget is spent.
type capReader struct {
	r io.Reader
	f *docxFile
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.f.left < 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > c.f.left+1 {
		p = p[:c.f.left+1]
	}
	n, err := c.r.Read(p)
	c.f.left -= int64(n)
	if c.f.left < 0 {
		return n, errTooBig
	}
	return n, err
}

// sizeText says n bytes in MB when it is a whole number of them.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
