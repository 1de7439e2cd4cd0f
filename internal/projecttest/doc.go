// Package projecttest is one behavioural test suite for any Gloss project
// store: whatever implements annotate.Project (and annotate.Historian and
// annotate.Source, which every store must) is held to the behaviour the
// SQLite store (package store) has, so that another store (PostgreSQL) can
// be checked against exactly the same cases.
//
// A store's test calls Run with a Target that makes fresh, empty projects:
//
//	func TestProjectSuite(t *testing.T) {
//		projecttest.Run(t, projecttest.Target{New: func(t *testing.T) func(*testing.T, string) annotate.Project {
//			path := filepath.Join(t.TempDir(), "p.gloss")
//			return func(t *testing.T, annotator string) annotate.Project {
//				s, err := store.Open(path, store.Options{Annotator: annotator, NoBackup: true})
//				if err != nil {
//					t.Fatal(err)
//				}
//				return s
//			}
//		}})
//	}
//
// The package imports only testing, gloss/annotate (and its corpus
// generator, annotate/gen) and the standard library, never a store, so
// that any store's tests can import it.
//
// # Cases
//
// Every case starts from a fresh project and asserts values, not only the
// absence of errors; refused operations are checked for their error code
// (annotate.ENOTFOUND, EINVALID, ECONFLICT) and for leaving the project as
// it was.
//
//   - documents: AddDocuments and reading back (Documents, Document: text
//     byte for byte, length in code points, source, metadata); refused
//     batches (duplicate ID, bad hash, NUL, invalid UTF-8, no title,
//     unknown status) store nothing; FindDocument by ID, by title, the
//     first added of an ambiguous title, an ID before a title, missing;
//     SetStatus per annotator (seeded by AddDocuments for the adder only);
//     DeleteDocument removes its spans of every layer.
//   - labels: AddLabel order, colour upper-cased or from annotate.Palette,
//     names in Unicode normal form C; names clashing in case or Unicode form
//     and hotkeys clashing in case refused (ECONFLICT), invalid names,
//     colours, hotkeys (EINVALID); UpdateLabel; ReorderLabels (partial,
//     repeated, unknown IDs refused); DeleteLabel with and without moveTo.
//   - spans: code point offsets through emoji, combining marks, Hebrew and
//     Arabic and a ZWJ sequence; refused offsets, labels and documents; one
//     span per annotator (layers); AddSpan fills in ID and annotator;
//     UpdateSpan keeps the span's annotator; DeleteSpan; Spans in text order
//     (annotate.SortSpans), none for a missing document.
//   - batches: AddSpans counts (duplicates in the list and in the layer
//     skipped, another layer's are new), all or nothing; DeleteSpans;
//     RelabelSpans counts, all or nothing.
//   - import: ImportResult counts, notes on a label matched without regard
//     to case, importing the same batch twice, merging by title and text,
//     refused imports change nothing.
//   - stats: documents by status, spans by label in label order with colours.
//   - pager: annotate.Pager pages (7 at a time) list exactly what a plain
//     sort of Documents gives, in every order, ascending and descending,
//     with every status filter, with the same span counts, and Count
//     agrees; span counts follow adds, deletes and undo; a bad limit,
//     status or order is refused (EINVALID).
//   - history: undo and redo of every kind of span edit across reopening,
//     per annotator, ECONFLICT and skipping when the span changed since,
//     which edits clear redo, History newest first with Ref, Before, After,
//     Pending, batch edits undone whole, label edits (UpdateLabel,
//     DeleteLabel with its moved spans) undone and redone.
//   - persistence: a new handle reads what the last one wrote; an open
//     handle sees another's writes at once.
//   - source: annotate.Source yields every document, in order, with the
//     spans Spans gives and the handle's annotator's status.
//   - concurrency: annotators on their own handles, and goroutines on one
//     handle, adding spans at once lose nothing; undo stays per annotator.
//
// Two behaviours of the SQLite store the suite first found and that were
// fixed: DeleteLabel with moveTo no longer drops a span as a duplicate of
// ANOTHER annotator's span with the target label on the same range, and
// Stats.ByStatus counts the handle's annotator's statuses, as Documents
// shows them.
package projecttest
