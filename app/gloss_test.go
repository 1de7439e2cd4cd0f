package app_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// Offsets of "Consequently" in the sample article.
const wordStart, wordEnd = 116, 128

// openStore is the Opener cmd/gloss uses.
func openStore(path string) (app.Project, error) {
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// newGloss builds the window on a real project file seeded with the
// default labels and the sample article.
func newGloss(t *testing.T) (*app.Gloss, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "test.gloss"), store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	g := app.New(a, s, openStore)
	g.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g.Close() })
	return g, s
}

// dragSelect drags across [start, end) of the text view as a mouse would.
func dragSelect(g *app.Gloss, start, end int) {
	v := g.View()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	from := v.PositionOf(start).AddXY(3, 8)
	to := v.PositionOf(end).AddXY(-3, 8)
	// test.Drag reports the drag at its position with the distance dragged.
	test.Drag(g.Window().Canvas(), origin.Add(to), to.X-from.X, to.Y-from.Y)
}

// tapText clicks the text view on code point cp.
func tapText(g *app.Gloss, cp int) {
	v := g.View()
	test.TapAt(v, v.PositionOf(cp).AddXY(2, 8))
}

func spans(t *testing.T, s *store.Store, docID string) []*annotate.Span {
	t.Helper()
	out, err := s.Spans(docID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func label(t *testing.T, s *store.Store, name string) *annotate.Label {
	t.Helper()
	l, err := s.LabelByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestStartShowsFirstDocument(t *testing.T) {
	g, _ := newGloss(t)
	if got, want := g.Window().Title(), "Gloss — test — "+assets.SampleTitle; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if g.Document() == nil || g.Document().Title != assets.SampleTitle {
		t.Fatalf("document shown: %+v", g.Document())
	}
	if g.Window().Canvas().Focused() != fyne.Focusable(g.View()) {
		t.Error("the text view should have focus, ready for hotkeys")
	}
}

func TestHotkeyCreatesSpan(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	if st, en := g.View().Selection(); st != wordStart || en != wordEnd {
		t.Fatalf("drag selected [%d, %d), want [%d, %d)", st, en, wordStart, wordEnd)
	}
	test.Type(g.View(), "1")

	got := spans(t, s, doc.ID)
	if len(got) != 1 {
		t.Fatalf("project has %d spans, want 1", len(got))
	}
	sp := got[0]
	if sp.Start != wordStart || sp.End != wordEnd || sp.LabelID != label(t, s, "actor").ID {
		t.Errorf("span %+v, want actor [%d, %d)", sp, wordStart, wordEnd)
	}
	if g.SelectedSpan() != sp.ID || g.EditorSpan() == nil {
		t.Error("the new span should be selected and shown in the side panel")
	}
	if d, _ := s.Document(doc.ID); d.Status != annotate.StatusInProgress {
		t.Errorf("document status %q after the first span, want in-progress", d.Status)
	}
	if rows := g.SpanRows(); !reflect.DeepEqual(rows, []string{"Consequently"}) {
		t.Errorf("spans panel %q", rows)
	}

	// The same key on the selected span changes nothing; another relabels it.
	test.Type(g.View(), "2")
	got = spans(t, s, doc.ID)
	if len(got) != 1 || got[0].LabelID != label(t, s, "claim").ID {
		t.Fatalf("after key 2 on the selected span: %+v, want one claim span", got)
	}
}

func TestHotkeyWithoutSelectionDoesNothing(t *testing.T) {
	g, s := newGloss(t)
	test.Type(g.View(), "1")
	if n := len(spans(t, s, g.Document().ID)); n != 0 {
		t.Fatalf("a hotkey with nothing selected made %d spans", n)
	}
}

func TestClickSelectsSpanAndDeleteRemovesIt(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	sp := annotate.NewSpan(doc.ID, wordStart, wordEnd, label(t, s, "claim").ID)
	sp.Note = "hedged"
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)

	tapText(g, 0) // plain text
	if g.SelectedSpan() != "" || g.EditorSpan() != nil {
		t.Fatal("a click on plain text selected a span")
	}
	tapText(g, wordStart+3)
	if g.SelectedSpan() != sp.ID {
		t.Fatalf("click on the span selected %q, want %q", g.SelectedSpan(), sp.ID)
	}
	ed := g.EditorSpan()
	if ed == nil || ed.ID != sp.ID || ed.Note != "hedged" {
		t.Fatalf("side panel shows %+v", ed)
	}
	if g.EditorNote().Text != "hedged" || g.EditorText() != "“Consequently”  (12 characters)" {
		t.Errorf("side panel note %q, text %q", g.EditorNote().Text, g.EditorText())
	}

	g.View().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatalf("Delete left %d spans", n)
	}
	if g.SelectedSpan() != "" || g.EditorSpan() != nil {
		t.Error("the deleted span is still selected")
	}
	g.MenuAction("Edit", "Undo")()
	if got := spans(t, s, doc.ID); len(got) != 1 || got[0].ID != sp.ID || got[0].Note != "hedged" {
		t.Fatalf("undo of delete: %+v", got)
	}
}

func TestUndoRedoNewSpan(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "3")
	created := spans(t, s, doc.ID)
	if len(created) != 1 {
		t.Fatalf("hotkey made %d spans", len(created))
	}
	undo, redo := g.MenuAction("Edit", "Undo"), g.MenuAction("Edit", "Redo")
	undo()
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatalf("undo left %d spans", n)
	}
	if len(g.SpanRows()) != 0 {
		t.Error("the spans panel still lists the undone span")
	}
	redo()
	got := spans(t, s, doc.ID)
	if len(got) != 1 || got[0].ID != created[0].ID || got[0].Start != wordStart || got[0].End != wordEnd {
		t.Fatalf("redo restored %+v, want %+v", got, created[0])
	}
	if g.SelectedSpan() != created[0].ID {
		t.Error("redo should select the restored span")
	}
}

func TestNoteAndResizeUndo(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()

	test.Type(g.EditorNote(), "as a consequence")
	g.FlushNote()
	if sp, _ := s.Span(id); sp.Note != "as a consequence" {
		t.Fatalf("note saved as %q", sp.Note)
	}
	// Shift+Right on the selected span extends it by one character.
	g.View().TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift})
	if sp, _ := s.Span(id); sp.Start != wordStart || sp.End != wordEnd+1 {
		t.Fatalf("after shift+right the span is [%d, %d)", sp.Start, sp.End)
	}
	undo := g.MenuAction("Edit", "Undo")
	undo()
	if sp, _ := s.Span(id); sp.End != wordEnd || sp.Note != "as a consequence" {
		t.Fatalf("undo of resize: %+v", sp)
	}
	undo()
	if sp, _ := s.Span(id); sp.Note != "" {
		t.Fatalf("undo of the note (typed in one go) left %q", sp.Note)
	}
	undo()
	if n := len(spans(t, s, doc.ID)); n != 0 {
		t.Fatal("third undo should remove the span")
	}
}

func TestDocumentFuzzyFilter(t *testing.T) {
	g, s := newGloss(t)
	docs := []*annotate.Document{
		annotate.NewDocument("Ärzte über Ökonomie", "Die Ärzte sprechen über Geld.", ""),
		annotate.NewDocument("日本語のニュース", "ニュースです。", ""),
		annotate.NewDocument("Crème brûlée", "A dessert.", ""),
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	app.ReloadForTest(g)
	search := g.DocsSearch()
	tests := []struct {
		query string
		want  []app.DocMatch
	}{
		{"über", []app.DocMatch{{"Ärzte über Ökonomie", [][2]int{{6, 10}}}}},
		{"brûl", []app.DocMatch{{"Crème brûlée", [][2]int{{6, 10}}}}},
		{"ニュース", []app.DocMatch{{"日本語のニュース", [][2]int{{4, 8}}}}},
		{"rcc", []app.DocMatch{{assets.SampleTitle, [][2]int{{0, 1}, {7, 8}, {13, 14}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			search.SetText(tt.query)
			if got := g.DocMatches(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("search %q: %v, want %v", tt.query, got, tt.want)
			}
		})
	}
	search.SetText("/sprechen")
	if got := g.DocMatches(); len(got) != 1 || got[0].Title != "Ärzte über Ökonomie" {
		t.Errorf("text search: %v", got)
	}
	search.SetText("")
	if n := len(g.DocMatches()); n != 4 {
		t.Errorf("empty search lists %d documents, want 4", n)
	}
	// Ctrl+Down walks the list.
	g.MenuAction("Go", "Next document")()
	if g.Document().Title != "Ärzte über Ökonomie" {
		t.Errorf("next document is %q", g.Document().Title)
	}
	g.MenuAction("Go", "Previous document")()
	if g.Document().Title != assets.SampleTitle {
		t.Errorf("previous document is %q", g.Document().Title)
	}
}

func TestLabelEditor(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	for _, sp := range []*annotate.Span{
		annotate.NewSpan(doc.ID, 0, 6, actor.ID),
		annotate.NewSpan(doc.ID, wordStart, wordEnd, actor.ID),
		annotate.NewSpan(doc.ID, 0, 6, claim.ID),
	} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	app.ReloadForTest(g)
	ed := g.OpenLabelEditor()

	// Add: a new label with the next free colour and hotkey.
	ed.Add()
	added, err := s.LabelByName("new label")
	if err != nil {
		t.Fatal(err)
	}
	if added.Hotkey != "4" || added.Color != annotate.Palette[3] {
		t.Errorf("new label has hotkey %q colour %q", added.Hotkey, added.Color)
	}
	// Rename and recolour it.
	name, hotkey, color := ed.Form()
	name.SetText("event")
	color.SetText(annotate.Palette[6])
	hotkey.SetSelected("e")
	ed.Save()
	l := label(t, s, "event")
	if l.ID != added.ID || l.Color != annotate.Palette[6] || l.Hotkey != "e" {
		t.Errorf("renamed label %+v", l)
	}
	// Move it to the top.
	for range 3 {
		ed.Move(-1)
	}
	labels, _ := s.Labels()
	if labels[0].Name != "event" {
		t.Errorf("order after moving up: %s first", labels[0].Name)
	}
	// The new hotkey works at once.
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "e")
	if n := countLabel(t, s, doc.ID, l.ID); n != 1 {
		t.Fatalf("hotkey e made %d event spans", n)
	}

	// Delete actor, moving its spans to claim: the [0, 6) actor span
	// duplicates a claim span and merges into it.
	ed.Select("actor")
	ed.ConfirmDelete()
	dlg := g.Overlay()
	if dlg == nil {
		t.Fatal("no dialog asks what to do with the spans")
	}
	target := findSelect(dlg)
	if target == nil {
		t.Fatal("the dialog has no label choice")
	}
	target.SetSelected("claim")
	tapButton(t, dlg, "Delete")
	if _, err := s.LabelByName("actor"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("actor still there: %v", err)
	}
	if n := countLabel(t, s, doc.ID, claim.ID); n != 2 {
		t.Errorf("claim has %d spans after the move, want 2", n)
	}
	if n := len(spans(t, s, doc.ID)); n != 3 {
		t.Errorf("%d spans in all, want 3 (claim ×2, event)", n)
	}
}

func countLabel(t *testing.T, s *store.Store, docID, labelID string) int {
	n := 0
	for _, sp := range spans(t, s, docID) {
		if sp.LabelID == labelID {
			n++
		}
	}
	return n
}

func findSelect(o fyne.CanvasObject) *widget.Select {
	for _, obj := range test.LaidOutObjects(o) {
		if s, ok := obj.(*widget.Select); ok {
			return s
		}
	}
	return nil
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button", text)
}

func TestUndoInNoteUndoesTyping(t *testing.T) {
	g, s := newGloss(t)
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()
	note := g.EditorNote()
	g.Window().Canvas().Focus(note)
	test.Type(note, "abc")
	g.MenuAction("Edit", "Undo")() // Ctrl+Z while the note has focus
	if note.Text == "abc" {
		t.Error("Ctrl+Z in the note did not undo the typing")
	}
	if sp, err := s.Span(id); err != nil || sp == nil {
		t.Fatalf("Ctrl+Z in the note undid the span: %v", err)
	}
}

// TestUndoAfterReopen: the undo history lives in the project file, so a
// span made before closing the window can be undone after reopening it,
// and the Edit menu names it.
func TestUndoAfterReopen(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "reopen.gloss")
	s, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	g := app.New(a, s, openStore)
	g.Window().Resize(fyne.NewSize(1200, 800))
	doc := g.Document()
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	g.Close()
	g.Window().Close()

	s2, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(spans(t, s2, doc.ID)); n != 1 {
		t.Fatalf("reopened project has %d spans, want 1", n)
	}
	g2 := app.New(a, s2, openStore)
	g2.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { g2.Close() })
	if got := g2.MenuItem("Edit", 0).Label; got != "Undo add span [116, 128)" {
		t.Errorf("Edit menu says %q", got)
	}
	g2.MenuAction("Edit", "Undo")()
	if n := len(spans(t, s2, doc.ID)); n != 0 {
		t.Fatalf("undo after reopening left %d spans", n)
	}
	if len(g2.SpanRows()) != 0 {
		t.Error("the spans panel still lists the undone span")
	}
	g2.MenuAction("Edit", "Redo")()
	if n := len(spans(t, s2, doc.ID)); n != 1 {
		t.Fatalf("redo after reopening: %d spans", n)
	}
}

// TestAltShiftResizesSpanStart: on a selected span, Alt+Shift+Left moves
// its start and keeps its end, saved at once.
func TestAltShiftResizesSpanStart(t *testing.T) {
	g, s := newGloss(t)
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	id := g.SelectedSpan()
	g.View().TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift})
	if sp, _ := s.Span(id); sp.Start != wordStart-1 || sp.End != wordEnd {
		t.Fatalf("after alt+shift+left the span is [%d, %d), want [%d, %d)", sp.Start, sp.End, wordStart-1, wordEnd)
	}
}
