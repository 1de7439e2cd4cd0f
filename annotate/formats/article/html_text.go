package article

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags start a new line of text; the others flow inline.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "html": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "tfoot": true, "thead": true, "tr": true, "ul": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"svg": true, "math": true, "iframe": true, "object": true, "select": true,
}

// renderer turns an extracted HTML tree into plain text: blocks (paragraphs,
// headings) separated by a blank line, list items and table rows on lines of
// their own (cells separated by a tab), white space collapsed outside <pre>.
type renderer struct {
	out     strings.Builder
	cur     strings.Builder // inline text of the block being read
	group   *html.Node      // the list or table of the block being read, if any
	last    *html.Node      // the group of the last block written
	written bool
	pre     int // depth inside <pre>
}

// renderText returns n's text as described on renderer.
func renderText(n *html.Node) string {
	var r renderer
	r.walk(n, nil, false)
	r.flush()
	return cleanText(r.out.String())
}

func (r *renderer) walk(n *html.Node, group *html.Node, inItem bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	if skipTags[tag] {
		return
	}
	switch tag {
	case "br":
		r.mark('\n')
		return
	case "td", "th":
		if r.cur.Len() > 0 || prevCell(n) {
			r.mark('\t')
		}
	case "ul", "ol", "dl", "table":
		group, inItem = n, false
	case "li", "tr", "dt", "dd":
		inItem = true
	}
	block := blockTags[tag]
	outer := r.group
	if block {
		r.flush()
		r.group = nil
		if inItem {
			r.group = group
		}
	}
	lineGroup := r.group
	if tag == "pre" {
		r.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, group, inItem)
	}
	if block {
		r.group = lineGroup
		r.flush()
		r.group = outer
	}
	if tag == "pre" {
		r.pre--
	}
}

// prevCell reports whether a table cell comes before n in its row.
func prevCell(n *html.Node) bool {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && (s.Data == "td" || s.Data == "th") {
			return true
		}
	}
	return false
}

// text appends s, with each run of white space as one space outside <pre>.
func (r *renderer) text(s string) {
	if r.pre > 0 {
		r.cur.WriteString(s)
		return
	}
	for _, c := range []byte(s) {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if r.cur.Len() == 0 {
				continue
			}
			if last := r.cur.String()[r.cur.Len()-1]; last == ' ' || last == '\n' || last == '\t' {
				continue
			}
			c = ' '
		}
		r.cur.WriteByte(c)
	}
}

// mark appends a structural line break or cell separator.
func (r *renderer) mark(c byte) {
	s := strings.TrimRight(r.cur.String(), " ")
	r.cur.Reset()
	r.cur.WriteString(s)
	r.cur.WriteByte(c)
}

// flush writes the block read so far, if it holds any text.
func (r *renderer) flush() {
	raw := r.cur.String()
	r.cur.Reset()
	var lines []string
	for _, line := range strings.Split(raw, "\n") {
		if r.pre == 0 {
			line = strings.Trim(line, " ")
			if strings.Trim(line, "\t\u00a0 ") == "" {
				continue
			}
		} else {
			line = strings.TrimRight(line, " \t\r")
		}
		lines = append(lines, line)
	}
	if r.pre > 0 {
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
	}
	if len(lines) == 0 {
		return
	}
	if r.written {
		if r.group != nil && r.group == r.last {
			r.out.WriteString("\n")
		} else {
			r.out.WriteString("\n\n")
		}
	}
	r.out.WriteString(strings.Join(lines, "\n"))
	r.written = true
	r.last = r.group
}
