package app

import "strings"

// shortcutHelp is the one list of the window's keyboard shortcuts: F1 shows
// it (showShortcuts) and docs/usage.md carries it as a table
// (shortcutsMarkdown; help_test.go checks that every row is there). Add a
// row here with every new shortcut.
var shortcutHelp = [][2]string{
	{"1 – 9", "label the selection with that label (or relabel the selected span)"},
	{"Ctrl+L", "label palette: type to filter, Enter applies"},
	{"Click a highlight", "select the span: edit it in the side panel"},
	{"Tab / Shift+Tab, click again", "where spans overlap: select the next span out / in under the last click"},
	{"Delete / Backspace", "delete the selected span (and its relations: one undo brings both back)"},
	{"R, then click or Tab / Shift+Tab to the target, Enter", "link the selected span to another: pick the relation type (only those the two labels allow); Escape cancels"},
	{"Alt+drag from one span to another", "link the two spans: pick the relation type"},
	{"Ctrl+Shift+R", "show all relations of the document, or only the selected span's"},
	{"Escape", "clear the selection"},
	{"Arrows", "move the caret by a character or a line"},
	{"Ctrl+Left / Ctrl+Right", "move the caret by a word"},
	{"Home / End", "go to the start / end of the line"},
	{"Ctrl+Home / Ctrl+End", "go to the start / end of the document"},
	{"Page Up / Page Down", "scroll by a page"},
	{"Shift+arrows, Shift+click", "extend the selection, by whole words when snapping is on (or resize the selected span)"},
	{"Ctrl+Shift+Left / Right", "extend the selection by a word"},
	{"Shift+Home / End, Ctrl+Shift+Home / End", "extend the selection to the line's / document's edge"},
	{"Alt+Shift+Left / Right", "move the start of the selection (or of the selected span)"},
	{"Double-click", "select a word"},
	{"Ctrl+C / Ctrl+A", "copy the selected text / select the whole text"},
	{"Ctrl+Z", "undo"},
	{"Ctrl+Shift+Z, Ctrl+Y", "redo"},
	{"Ctrl+Down / Ctrl+Up", "next / previous document"},
	{"Ctrl+P", "open a document by title"},
	{"Ctrl+K", "search documents (start with / to search their text)"},
	{"Ctrl+F", "find in the document: Enter / Shift+Enter (F3 / Shift+F3) next / previous hit, Escape closes"},
	{"Ctrl+Shift+F", "find in all documents: hits in context, Enter or double-click opens one"},
	{"Ctrl+Shift+O", "label all occurrences of the selection (or a regex, or a dictionary): preview, then one edit"},
	{"Ctrl+Shift+B", "span browser: every span, filter, sort, Enter jumps; relabel or delete the checked ones"},
	{"Ctrl+Shift+W", "concordance (keyword in context) of a label or a search term, sortable, exportable as CSV"},
	{"Ctrl+D", "mark the document done (again to reopen)"},
	{"Ctrl+Enter", "mark the document done and open the next one not done"},
	{"Ctrl+Shift+K", "compare two annotators"},
	{"Ctrl+Shift+A", "agreement"},
	{"Ctrl+Shift+U", "curation (N / P, A, 1–9, E, R, Ctrl+Z inside)"},
	{"Ctrl+Shift+L", "edit the labels"},
	{"Ctrl+I / Ctrl+Shift+I", "import a file / a folder of files (or drop several on the window)"},
	{"Ctrl+N / Ctrl+O", "new / open project"},
	{"Ctrl+R", "reload from the file (see changes made by another window or gloss-cli)"},
	{"Ctrl+= , Ctrl+- , Ctrl+0", "zoom the text in, out, back to 100%"},
	{"Ctrl+T", "show or hide label names on the spans"},
	{"Ctrl+B / Ctrl+Shift+E", "show or hide the Documents panel / the span panels"},
	{"Escape / Enter in a dialog", "close / confirm the dialog (nothing behind it reacts while it is open); Escape closes it from a text field too, and in the Open, Save and folder dialogs wherever the focus is (Enter there opens or saves)"},
	{"F1, Ctrl+/", "this help"},
	{"Ctrl+Q", "quit (everything is already saved)"},
}

// shortcutsMarkdown is shortcutHelp as the Markdown table of docs/usage.md.
func shortcutsMarkdown() string {
	var b strings.Builder
	b.WriteString("| Keys | Action |\n|---|---|\n")
	for _, s := range shortcutHelp {
		b.WriteString("| " + s[0] + " | " + s[1] + " |\n")
	}
	return b.String()
}
