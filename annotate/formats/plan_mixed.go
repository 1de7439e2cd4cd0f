package formats

// mixedExtensions are the files a folder imported with "auto" (and no brat
// annotations at its top) contributes, side by side: text, saved web pages,
// Word files, tables (CSV/TSV) and JSON lines. JSON files are left out (a
// Gloss or Label Studio export in a folder of articles is more likely a
// stray than a source), as are brat and CoNLL files outside their own import.
var mixedExtensions = []string{
	".txt", ".md", ".text", ".markdown",
	".html", ".htm", ".docx",
	".csv", ".tsv",
	".jsonl", ".ndjson",
}

// folderKinds names mixedExtensions for messages.
const folderKinds = ".txt, .md, .html, .htm, .docx, .csv, .tsv, .jsonl"

// addMixedFolder plans a folder of files of several kinds: one walk, then
// each file in the format Detect picks from its name (and, for an
// extension several formats share, such as .jsonl, its first bytes).
func (plan *Plan) addMixedFolder(dir string) error {
	files, skipped, err := walk(dir, nil)
	if err != nil {
		return err
	}
	plan.Skipped = append(plan.Skipped, skipped...)
	for _, p := range files {
		if err := plan.addFile(p, nil); err != nil {
			return err
		}
	}
	return nil
}
