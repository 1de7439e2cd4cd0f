package article

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// page is what a saved news page in testdata must give.
type page struct {
	file                string
	title, author, date string
	site, lang, url     string
	paragraphs          []string // whole lines of the text, in this order
	boilerplate         []string // must not appear anywhere in the text
	adjacent            []string // lines that must follow each other with one line break
}

var pages = []page{{
	file:   "harbour-times.html",
	title:  "Port workers vote to strike over automation plans",
	author: "Margaret O'Neill", date: "2024-03-14", site: "The Harbour Times", lang: "en-GB",
	url: "https://www.harbourtimes.example/news/2024/03/port-workers-strike",
	paragraphs: []string{
		"Dock workers at Eastmouth\u2019s container terminal have voted overwhelmingly to strike after the port authority confirmed plans to replace most crane operators with remote-controlled systems by next year.",
		"Of the 1,240 members balloted by the Transport & General Dockers\u2019 Union, 87 per cent backed industrial action on a turnout of 74 per cent. The union said the first walkout could begin as early as 2 April.",
		"\u201cA question of trust\u201d",
		"The union is demanding three things before it will call off the strike:",
		"a written guarantee of no compulsory redundancies until 2027;",
		"retraining for every crane operator who wants it;",
		"an independent review of the safety of remote-controlled cranes.",
		"Local businesses fear the dispute will disrupt deliveries in the run-up to Easter. The chamber of commerce has called on both sides to return to the negotiating table before the first strike day.",
	},
	adjacent: []string{
		"a written guarantee of no compulsory redundancies until 2027;",
		"retraining for every crane operator who wants it;",
		"an independent review of the safety of remote-controlled cranes.",
	},
	boilerplate: []string{"cookies", "Subscribe today", "Related stories", "Ferry fares", "Share this article",
		"Typical management", "Automation is coming", "All rights reserved", "Newsletter", "dataLayer"},
}, {
	file:  "rheinischer-bote.html",
	title: "Kölner Brücke wird für Lastwagen gesperrt", author: "Jürgen Müller", date: "2023-11-07",
	site: "Rheinischer Bote", lang: "de", url: "https://www.rheinischer-bote.example/koeln/bruecke-gesperrt-1234.html",
	paragraphs: []string{
		"Die Mülheimer Brücke in Köln wird ab Montag für Lastwagen über 7,5 Tonnen gesperrt. Das teilte die Stadtverwaltung am Dienstag mit. Grund seien Schäden an den Stahlträgern, die bei einer Überprüfung im Oktober entdeckt worden seien.",
		"Reparatur dauert mindestens zwei Jahre",
		"Für Fußgänger, Radfahrer und Busse bleibt die Brücke geöffnet. Autofahrer müssen sich jedoch auf Staus in den Hauptverkehrszeiten einstellen, warnte die Polizei.",
	},
	boilerplate: []string{"Cookies", "Zustimmen", "Startseite", "Jetzt abonnieren", "Leserkommentare",
		"zehn Jahren", "Impressum"},
}, {
	file:  "hakol-hamekomi.html",
	title: "מחיר הלחם יעלה בחודש הבא", author: "דנה כהן", date: "2024-01-21",
	site: "הקול המקומי", lang: "he", url: "https://www.hakol-hamekomi.example/news/bread-prices",
	paragraphs: []string{
		"משרד הכלכלה הודיע היום כי מחיר הלחם בפיקוח יעלה בשישה אחוזים החל מהחודש הבא. לדברי המשרד, ההחלטה נובעת מהעלייה החדה במחירי הקמח והאנרגיה בשנה האחרונה.",
		"ארגוני הצרכנים מתחו ביקורת על ההחלטה ואמרו כי היא תפגע בעיקר במשפחות מעוטות יכולת. הם קראו לממשלה להגדיל את הסבסוד במקום להעביר את העלות לציבור.",
		"במאפיות הגדולות אמרו כי גם לאחר העלייה המחירים אינם מכסים את העלויות, והזהירו כי ייתכנו מחסורים בחלק מסוגי הלחם אם לא תימצא פשרה.",
	},
	boilerplate: []string{"עוגיות", "ספורט", "תגובות", "שוב אנחנו", "כל הזכויות"},
}, {
	file:  "courrier-du-lac.html", // windows-1252, declared in <meta http-equiv>
	title: "Le lac d\u2019Annecy atteint un niveau record", author: "Céline Favre", date: "2024-05-02",
	site: "Le Courrier du Lac", lang: "fr", url: "https://courrier-du-lac.example/region/niveau-record",
	paragraphs: []string{
		"Après trois semaines de pluies presque ininterrompues, le lac d\u2019Annecy a atteint jeudi son niveau le plus élevé depuis le début des relevés en 1912. Plusieurs quais du centre-ville ont été fermés au public.",
		"La préfecture a déclenché la vigilance orange « crues » pour les communes riveraines. Les pompiers sont intervenus à une quarantaine de reprises pour des caves inondées à Sévrier et à Talloires.",
		"Selon les services de l\u2019État, la décrue ne devrait pas commencer avant le milieu de la semaine prochaine. Les autorités demandent aux plaisanciers de ne pas sortir leurs bateaux d\u2019ici là.",
	},
	boilerplate: []string{"Accueil", "abonner", "Mentions légales", "Publicité"},
}}

// leftovers finds HTML tags and entities that should have been decoded.
var leftovers = regexp.MustCompile(`<[a-zA-Z/!]|&[a-zA-Z]+;|&#[0-9a-fA-F]+;|&#x`)

// bidiControls are the invisible characters that would reorder text.
const bidiControls = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

func TestReadHTMLSavedPages(t *testing.T) {
	for _, p := range pages {
		t.Run(p.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", p.file))
			if err != nil {
				t.Fatal(err)
			}
			docs, err := ReadHTML(p.file, data)
			if err != nil {
				t.Fatalf("ReadHTML: %v", err)
			}
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			doc := docs[0]
			if err := doc.Validate(); err != nil {
				t.Fatalf("document does not validate: %v", err)
			}
			if doc.Title != p.title {
				t.Errorf("title = %q, want %q", doc.Title, p.title)
			}
			sum := sha256.Sum256(data)
			want := map[string]string{"author": p.author, "date": p.date, "site": p.site, "lang": p.lang,
				"url": p.url, "source": p.file, "sha256": hex.EncodeToString(sum[:])}
			for k, v := range want {
				if got, _ := doc.Metadata[k].(string); got != v {
					t.Errorf("metadata %s = %q, want %q", k, got, v)
				}
			}
			if doc.Source != p.file {
				t.Errorf("source = %q, want %q", doc.Source, p.file)
			}
			checkArticleText(t, doc.Text, p)
		})
	}
}

func checkArticleText(t *testing.T, text string, p page) {
	t.Helper()
	lines := strings.Split(text, "\n")
	at := -1
	for _, para := range p.paragraphs {
		i := indexLine(lines, para, at+1)
		if i < 0 {
			t.Errorf("paragraph missing or out of order (after line %d): %q\ntext:\n%s", at, para, text)
			continue
		}
		at = i
	}
	for _, b := range p.boilerplate {
		if strings.Contains(text, b) {
			t.Errorf("boilerplate %q left in the text:\n%s", b, text)
		}
	}
	if len(p.adjacent) > 0 && !strings.Contains(text, strings.Join(p.adjacent, "\n")) {
		t.Errorf("list items not on consecutive lines:\n%s", text)
	}
	// Paragraphs are separated by exactly one blank line.
	if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		t.Errorf("stray blank lines in the text:\n%q", text)
	}
	if m := leftovers.FindString(text); m != "" {
		t.Errorf("HTML tag or entity %q left in the text", m)
	}
	if strings.ContainsAny(text, bidiControls) {
		t.Errorf("bidi control characters added to the text")
	}
}

// indexLine returns the index of the first line equal to want at or after from.
func indexLine(lines []string, want string, from int) int {
	for i := from; i < len(lines); i++ {
		if lines[i] == want {
			return i
		}
	}
	return -1
}

func TestReadHTMLKeepsRightToLeftInLogicalOrder(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "hakol-hamekomi.html"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ReadHTML("hakol-hamekomi.html", data)
	if err != nil {
		t.Fatal(err)
	}
	// Every paragraph appears byte for byte as written in the source, which
	// stores Hebrew in logical (reading) order.
	src := string(data)
	for _, line := range strings.Split(docs[0].Text, "\n\n") {
		if !strings.Contains(src, line) {
			t.Errorf("line not in source order: %q", line)
		}
	}
}

func TestReadHTMLErrorsNameTheFile(t *testing.T) {
	for name, data := range map[string]string{
		"empty.html":  "",
		"nothing.htm": "<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>",
	} {
		docs, err := ReadHTML(name, []byte(data))
		if err == nil {
			t.Errorf("%s: want an error, got %d documents", name, len(docs))
			continue
		}
		if docs != nil {
			t.Errorf("%s: documents returned with the error", name)
		}
		if !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("error does not name the file: %v", err)
		}
	}
}

func TestRenderTextStructure(t *testing.T) {
	src := `<div><h2>Head &amp; line</h2><p>One<br>two  
	 lines</p><ul><li><p>first</p></li><li>second</li></ul>
	<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td></td></tr></table>
	<pre>  keep
    this</pre><p>&nbsp;</p><p>end</p></div>`
	root, err := parseHTML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := renderText(root)
	want := "Head & line\n\nOne\ntwo lines\n\nfirst\nsecond\n\na\tb\n1\t\n\n  keep\n    this\n\nend"
	if got != want {
		t.Errorf("renderText =\n%q\nwant\n%q", got, want)
	}
}

func TestReadHTMLShortArticleIsNotFlattened(t *testing.T) {
	src := `<html><head><title>Brief</title></head><body><nav><a href=/>Home</a> <a href=/x>News</a></nav>
	<article><h1>Brief</h1><p>Short para one is here.</p><p>Short para two is here too.</p></article>
	<footer>(c) 2024 Site</footer></body></html>`
	docs, err := ReadHTML("brief.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Short para one is here.\n\nShort para two is here too."; docs[0].Text != want {
		t.Errorf("text = %q, want %q", docs[0].Text, want)
	}
}
