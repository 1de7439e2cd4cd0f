package article

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"gloss/annotate"
)

// ExtractOptions are the go-trafilatura options the HTML reader uses: the
// main text only (no comments, images or links), with go-readability and
// DOM Distiller as fallbacks when trafilatura's own pass finds too little.
// Nothing here touches the network: no original URL is given and the
// extractors only read the parsed page.
func ExtractOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Extensive,
	}
}

// ReadHTML reads a saved web page as one document: the article's main text
// (no menus, banners, comments or footers), its title, and the metadata
// author, date, site, lang, url, source and sha256. The charset comes from a
// byte order mark or the page's <meta charset>, else UTF-8 (windows-1252 when
// the bytes are not UTF-8), as browsers do.
func ReadHTML(name string, data []byte) ([]*annotate.Document, error) {
	a, err := ExtractHTML(name, data)
	if err != nil {
		return nil, err
	}
	return documents(name, []Article{a})
}

// ExtractHTML is ReadHTML before the article becomes a document.
func ExtractHTML(name string, data []byte) (a Article, err error) {
	defer func() {
		// The extractors are large third-party code: a page that makes one
		// of them panic is reported as a bad file, not a crash.
		if r := recover(); r != nil {
			a, err = Article{}, fileErr(name, "the HTML extractor failed on this page: %v", r)
		}
	}()
	root, err := parseHTML(data)
	if err != nil {
		return Article{}, fileErr(name, "not readable as HTML: %v", err)
	}
	res, text := extract(root)
	if text == "" {
		return Article{}, fileErr(name, "no article text found in the page")
	}
	md := res.Metadata
	meta := provenance(name, data)
	meta[KeyAuthor] = oneLine(md.Author)
	meta[KeyDate] = isoDate(md.Date)
	meta[KeySite] = oneLine(md.Sitename)
	meta[KeyURL] = oneLine(md.URL)
	meta[KeyLang] = declaredLang(root)
	if meta[KeyLang] == "" {
		meta[KeyLang] = oneLine(md.Language)
	}
	title := oneLine(md.Title)
	if title == "" {
		title = firstLine(text)
	}
	if title == "" {
		title = baseTitle(name)
	}
	return Article{Title: title, Text: text, Meta: meta}, nil
}

// extract runs trafilatura on the page and returns its result and text, or
// "" when it finds no article. Below trafilatura's minimum size it falls back
// on a "baseline" that flattens the whole page (menus included, blocks glued
// together, some twice); a short article is taken from a precision pass
// instead, and a page with none is refused.
func extract(root *html.Node) (*trafilatura.ExtractResult, string) {
	opts := ExtractOptions()
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, ""
	}
	if utf8.RuneCountInString(res.ContentText) >= trafilatura.DefaultConfig().MinExtractedSize {
		return res, renderText(res.ContentNode)
	}
	opts.Focus = trafilatura.FavorPrecision
	short, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || short == nil || short.ContentNode == nil {
		return nil, ""
	}
	return short, renderText(short.ContentNode)
}

// parseHTML decodes data to UTF-8 by the HTML5 rules and parses it.
func parseHTML(data []byte) (*html.Node, error) {
	enc, _, _ := charset.DetermineEncoding(data, "")
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	r := transform.NewReader(bytes.NewReader(data), enc.NewDecoder())
	return html.Parse(r)
}

// isoDate formats t as an ISO 8601 date, with the time of day when the page
// gave one; the zero time gives "".
func isoDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	default:
		return t.Format(time.RFC3339)
	}
}

// declaredLang returns the page's declared language: <html lang> (or
// xml:lang), else <meta http-equiv="content-language">.
func declaredLang(root *html.Node) string {
	var lang string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if v := attr(n, "lang"); v != "" {
					lang = v
				} else if v := attr(n, "xml:lang"); v != "" {
					lang = v
				}
			case "meta":
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") && lang == "" {
					lang, _, _ = strings.Cut(attr(n, "content"), ",")
				}
			case "body":
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(root)
	return oneLine(lang)
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key || (a.Namespace != "" && a.Namespace+":"+a.Key == key) {
			return a.Val
		}
	}
	return ""
}

// firstLine returns text's first non-empty line, cut to 200 bytes on a rune
// boundary.
func firstLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = oneLine(line); line != "" {
			if len(line) > 200 {
				line = strings.ToValidUTF8(line[:200], "")
			}
			return line
		}
	}
	return ""
}
