package article

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility, whose Fallback branches repeat their Choice.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxParser collects the text of document.xml and of the notes parts.
type docxParser struct {
	styles       map[string]bool // paragraph style IDs that are headings
	blocks       []string        // paragraphs and tables, in order
	firstHeading string
	noteNum      map[string]int // "footnotes:2" -> the number shown in the text
	noteOrder    []string

	paras  []*para   // open paragraphs (text boxes nest them)
	tables int       // depth of open tables
	rows   []string  // finished rows of the outermost open table
	cells  []string  // finished cells of the open row
	cell   []string  // paragraphs of the open cell
	notes  *[]string // paragraphs of the note being read, if any
}

// para is an open paragraph.
type para struct {
	text    strings.Builder
	heading bool
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// wAttr returns the w: attribute key of e.
func wAttr(e xml.StartElement, key string) string {
	for _, a := range e.Attr {
		if a.Name.Local == key && (a.Name.Space == "" || isW(a.Name)) {
			return a.Value
		}
	}
	return ""
}

// readStyles records which paragraph styles are headings: a built-in name
// "heading N" or "Title" (names stay English in every language of Word), or
// an outline level.
func (p *docxParser) readStyles(d *xml.Decoder) error {
	var styles struct {
		Style []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			Outline *struct{} `xml:"pPr>outlineLvl"`
		} `xml:"style"`
	}
	if err := d.Decode(&styles); err != nil {
		return err
	}
	for _, s := range styles.Style {
		name := strings.ToLower(s.Name.Val)
		if strings.HasPrefix(name, "heading") || name == "title" || s.Outline != nil {
			p.styles[s.ID] = true
		}
	}
	return nil
}

// isHeadingStyle reports whether the style ID names a heading.
func (p *docxParser) isHeadingStyle(id string) bool {
	if len(p.styles) > 0 {
		return p.styles[id]
	}
	id = strings.ToLower(id)
	return strings.HasPrefix(id, "heading") || id == "title"
}

// readBody reads document.xml.
func (p *docxParser) readBody(d *xml.Decoder) error { return p.walk(d, nil) }

// readNotes reads footnotes.xml or endnotes.xml into notes, keyed like noteNum.
func (p *docxParser) readNotes(d *xml.Decoder, kind string, notes map[string]string) error {
	return p.walk(d, func(id string, text []string) {
		notes[kind+":"+id] = strings.Join(text, " ")
	})
}

// walk reads the XML stream; note, when set, receives each footnote or
// endnote with its paragraphs.
func (p *docxParser) walk(d *xml.Decoder, note func(id string, text []string)) error {
	var noteID string
	var noteText []string
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "tabs", "instrText", "delText", "rPr":
				if err := d.Skip(); err != nil { // tab stops, field codes, deletions
					return err
				}
			case "footnote", "endnote":
				if note != nil {
					noteID, noteText = wAttr(t, "id"), nil
					p.notes = &noteText
				}
			case "p":
				p.paras = append(p.paras, &para{})
			case "pStyle":
				if pa := p.top(); pa != nil && p.isHeadingStyle(wAttr(t, "val")) {
					pa.heading = true
				}
			case "outlineLvl":
				if pa := p.top(); pa != nil {
					pa.heading = true
				}
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				p.write(s)
			case "tab":
				p.write("\t")
			case "br", "cr":
				p.write("\n")
			case "noBreakHyphen":
				p.write("-")
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference") + "s"
				p.write(fmt.Sprintf("[%d]", p.noteNumber(kind+":"+wAttr(t, "id"))))
			case "tbl":
				p.tables++
			case "tr":
				if p.tables == 1 {
					p.cells = nil
				}
			case "tc":
				if p.tables == 1 {
					p.cell = nil
				}
			}
		case xml.EndElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "p":
				p.endParagraph()
			case "tc":
				if p.tables == 1 {
					p.cells = append(p.cells, strings.Join(p.cell, " "))
				}
			case "tr":
				if p.tables == 1 {
					p.rows = append(p.rows, strings.Join(p.cells, "\t"))
				}
			case "tbl":
				p.tables--
				if p.tables == 0 {
					p.emit(strings.Join(p.rows, "\n"), false)
					p.rows = nil
				}
			case "footnote", "endnote":
				if note != nil {
					note(noteID, noteText)
					p.notes = nil
				}
			}
		}
	}
}

// top returns the innermost open paragraph, or nil.
func (p *docxParser) top() *para {
	if len(p.paras) == 0 {
		return nil
	}
	return p.paras[len(p.paras)-1]
}

// write appends run text to the open paragraph.
func (p *docxParser) write(s string) {
	if pa := p.top(); pa != nil {
		pa.text.WriteString(s)
	}
}

// endParagraph closes the innermost paragraph and files its text.
func (p *docxParser) endParagraph() {
	pa := p.top()
	if pa == nil {
		return
	}
	p.paras = p.paras[:len(p.paras)-1]
	text := strings.Trim(pa.text.String(), " \t\n")
	if p.tables > 0 {
		text = strings.Join(strings.Fields(text), " ")
		if text != "" {
			p.cell = append(p.cell, text)
		}
		return
	}
	p.emit(text, pa.heading)
}

// emit files a finished paragraph or table.
func (p *docxParser) emit(text string, heading bool) {
	switch {
	case strings.TrimSpace(text) == "":
	case p.notes != nil:
		*p.notes = append(*p.notes, text)
	default:
		p.blocks = append(p.blocks, text)
		if heading && p.firstHeading == "" {
			p.firstHeading = text
		}
	}
}

// noteNumber returns the number shown for a note reference: notes are
// numbered in the order the text first refers to them.
func (p *docxParser) noteNumber(key string) int {
	if n, ok := p.noteNum[key]; ok {
		return n
	}
	p.noteOrder = append(p.noteOrder, key)
	p.noteNum[key] = len(p.noteOrder)
	return len(p.noteOrder)
}

// text returns the blocks separated by blank lines, then the notes referred
// to, one "[n] text" line each.
func (p *docxParser) text(notes map[string]string) string {
	var b strings.Builder
	b.WriteString(strings.Join(p.blocks, "\n\n"))
	sep := "\n\n"
	for _, key := range p.noteOrder {
		text := notes[key]
		if text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		sep = "\n"
		fmt.Fprintf(&b, "[%d] %s", p.noteNum[key], text)
	}
	return b.String()
}
