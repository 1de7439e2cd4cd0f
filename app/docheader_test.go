package app_test

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gloss/app"
)

// newsPage is a saved news page: the header must show its title, author,
// date and site, not its navigation, and link to its canonical URL.
const newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to close for repairs | The Northport Gazette</title>
<meta name="author" content="Jane Okafor">
<meta property="og:title" content="Harbour bridge to close for repairs">
<meta property="og:site_name" content="The Northport Gazette">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<link rel="canonical" href="https://gazette.example/2024/03/harbour-bridge">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge to close for repairs</h1>
<p>The harbour bridge will close to traffic for six weeks from Monday while engineers replace its worn bearings, the city council said on Thursday.</p>
<p>Buses will be diverted over the river crossing at Mill Street, adding about ten minutes to journeys into the centre at peak times, according to the transport office.</p>
<p>Shop owners on the quay said they feared losing customers during the works and asked the council for help with the cost of the closure.</p>
</article>
<footer>© 2024 The Northport Gazette</footer>
</body></html>`

// writeFile writes content to name in a new temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestHeaderShowsArticleMetadata: an imported news page shows its title,
// author, day and site above the text, with a link to its canonical URL
// that opens only when tapped; the sample text and a plain text file show
// no header.
func TestHeaderShowsArticleMetadata(t *testing.T) {
	g, _ := newGloss(t)
	if g.HeaderShown() {
		t.Errorf("the sample text (no metadata) shows a header: %q", headerLine(g))
	}
	var opened []string
	g.SetOpenURL(func(u *url.URL) error { opened = append(opened, u.String()); return nil })

	g.Drop(writeFile(t, "bridge.html", newsPage))
	if g.Document() == nil || !strings.Contains(g.Document().Text, "\n\nThe harbour bridge will close") || strings.Contains(g.Document().Text, "Sport") {
		t.Fatalf("shows %+v", g.Document())
	}
	if !g.HeaderShown() {
		t.Fatal("no header for the news page")
	}
	title, byline, link := g.HeaderText()
	if title != "Harbour bridge to close for repairs" {
		t.Errorf("title %q", title)
	}
	if byline != "Jane Okafor · 2024-03-14 · The Northport Gazette" {
		t.Errorf("byline %q", byline)
	}
	if link != "Open original (gazette.example)" {
		t.Errorf("link %q", link)
	}
	if len(opened) != 0 {
		t.Fatalf("opened %q before any click", opened)
	}
	viewTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(g.View()).Y
	if bottom := g.HeaderBottom(); bottom < 40 || viewTop < bottom {
		t.Errorf("the header ends at y=%v, the text starts at y=%v: not laid out above the text", bottom, viewTop)
	}
	g.TapHeaderLink()
	if len(opened) != 1 || opened[0] != "https://gazette.example/2024/03/harbour-bridge" {
		t.Errorf("the link opened %q", opened)
	}

	g.Drop(writeFile(t, "notes.txt", "Just a note, no metadata."))
	if !strings.Contains(g.Document().Text, "Just a note") {
		t.Fatalf("shows %q", g.Document().Title)
	}
	if g.HeaderShown() {
		t.Errorf("a plain text file shows a header: %q", headerLine(g))
	}
	g.TapHeaderLink() // hidden, and it must not open the page shown before
	if len(opened) != 1 {
		t.Errorf("opened %q for a plain text file", opened)
	}
}

// TestHeaderLinkWithoutBrowser: when no browser can be opened, the window
// says so and puts the address on the clipboard.
func TestHeaderLinkWithoutBrowser(t *testing.T) {
	g, _ := newGloss(t)
	g.SetOpenURL(func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found`) })
	g.Drop(writeFile(t, "bridge.html", newsPage))
	g.TapHeaderLink()
	if got := fyne.CurrentApp().Clipboard().Content(); got != "https://gazette.example/2024/03/harbour-bridge" {
		t.Errorf("clipboard %q", got)
	}
	if g.Overlay() == nil {
		t.Error("no message that the browser could not be opened")
	}
}

// TestHeaderRightToLeftAndUnsafeLinks: a right-to-left title is aligned to
// the right; a canonical link that is not http(s) is neither shown nor opened.
func TestHeaderRightToLeftAndUnsafeLinks(t *testing.T) {
	g, _ := newGloss(t)
	var opened []string
	g.SetOpenURL(func(u *url.URL) error { opened = append(opened, u.String()); return nil })
	page := `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>المجلس البلدي يقر الميزانية الجديدة</title>
<meta name="author" content="سارة الحسن">
<meta property="og:site_name" content="صحيفة المدينة">
<link rel="canonical" href="file:///etc/passwd">
</head><body><article><h1>المجلس البلدي يقر الميزانية الجديدة</h1>
<p>أقر المجلس البلدي مساء الأربعاء ميزانية العام المقبل بعد نقاش طويل حول تكاليف النقل العام وصيانة الطرق في الأحياء القديمة من المدينة.</p>
<p>وقال رئيس المجلس إن الميزانية الجديدة تخصص مبالغ إضافية للمدارس والحدائق العامة وتحسين شبكة المياه خلال السنوات الثلاث القادمة.</p>
</article></body></html>`
	g.Drop(writeFile(t, "budget.html", page))
	if !g.HeaderShown() {
		t.Fatal("no header for the Arabic page")
	}
	g.TapHeaderLink()
	if len(opened) != 0 {
		t.Errorf("opened %q", opened)
	}
	title, byline, link := g.HeaderText()
	if title != "المجلس البلدي يقر الميزانية الجديدة" || !strings.Contains(byline, "سارة الحسن") {
		t.Errorf("header %q / %q", title, byline)
	}
	if !g.HeaderTitleTrailing() {
		t.Error("the right-to-left title is not aligned to the right")
	}
	page2 := strings.Replace(page, "file:///etc/passwd", "https://almadina.example/news/budget", 1)
	page2 = strings.Replace(page2, "مساء الأربعاء", "مساء الخميس", 1) // another text, not a duplicate
	g.Drop(writeFile(t, "budget2.html", page2))
	row := strings.Join(g.HeaderRow(), " | ")
	if want := "Open original (almadina.example) | صحيفة المدينة | · | سارة الحسن"; row != want {
		t.Errorf("the right-to-left byline reads %q from the left, want %q", row, want)
	}
	if link != "" {
		t.Errorf("a file: canonical link is shown: %q", link)
	}
}

// TestImportMenuNamesEveryKind: the File menu's Import item names the
// kinds a folder of articles holds and other tools' formats.
func TestImportMenuNamesEveryKind(t *testing.T) {
	g, _ := newGloss(t)
	var label string
	for _, m := range g.Window().MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, "Import a file") {
				label = it.Label
			}
		}
	}
	for _, k := range []string{".txt", ".md", ".html", ".htm", ".docx", ".csv", ".tsv", ".jsonl", "other tools' formats"} {
		if !strings.Contains(label, k) {
			t.Errorf("the Import menu item %q does not name %s", label, k)
		}
	}
}

func headerLine(g *app.Probe) string {
	title, byline, link := g.HeaderText()
	return title + " | " + byline + " | " + link
}
