package formats

// mixedExtensions are the files a folder imported with "auto" contributes
// besides its brat annotations, side by side: text, saved web pages,
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
