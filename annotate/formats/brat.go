package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"gloss/annotate"
)

// brat standoff keeps each document as NAME.txt with its annotations in
// NAME.ann, one per line, offsets in code points of the .txt read as UTF-8:
//
//	T1	Person 0 5	Alice
//	T2	Place 10 15;20 25	New York      (discontinuous: fragments joined by a space)
//	#1	AnnotatorNotes T1	free text
//
// Gloss reads T lines as spans (one per fragment, linked by Span.Group),
// AnnotatorNotes on them as span notes, and every other line as structure
// (brat_relations.go, brat_attributes.go): relations (R), events (E),
// attributes (A, legacy M), normalizations (N), equivalence sets (*) and
// notes of any type (#). annotation.conf's [entities] give labels, its
// [relations] and [attributes] relation types and attribute definitions,
// visual.conf's bgColor the label colours.
var bratFormat = &Format{
	Name:       "brat",
	Extensions: []string{".ann"},
	Read:       readBratFile,
	ReadFolder: readBratFolder,
	WriteDir:   writeBratDir,
}

// readBratFile reads one .ann file with the .txt of the same name beside it,
// and the labels of an annotation.conf in the same folder.
func readBratFile(name string, ann []byte) (*annotate.Batch, error) {
	b := &annotate.Batch{Labels: bratLabels(filepath.Dir(name))}
	addBratConfSchema(b, filepath.Dir(name))
	if err := addBratPair(context.Background(), b, name); err != nil {
		return nil, err
	}
	return b, nil
}

// readBratDir reads every .ann file in dir and its subfolders (as the
// folder walk finds them), each with its .txt.
func readBratDir(dir string) (*annotate.Batch, error) {
	anns, _, err := walk(dir, bratFormat)
	if err != nil {
		return nil, err
	}
	return readBratFolder(context.Background(), dir, anns)
}

// bratCompanion reports whether a file found beside .ann files belongs to
// them: the .txt of an .ann, or one of brat's .conf files.
func bratCompanion(p string) bool {
	switch strings.ToLower(filepath.Base(p)) {
	case "annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf":
		return true
	}
	if !strings.EqualFold(filepath.Ext(p), ".txt") {
		return false
	}
	_, err := os.Stat(strings.TrimSuffix(p, filepath.Ext(p)) + ".ann")
	return err == nil
}

// readBratFolder reads the .ann files anns found under root, each with its
// .txt and the labels of the nearest annotation.conf at or above it (up to
// root). It stops with ctx.Err() when ctx is cancelled.
func readBratFolder(ctx context.Context, root string, anns []string) (*annotate.Batch, error) {
	dir := root
	b := &annotate.Batch{}
	seen := map[string]bool{}
	confs := map[string][]*annotate.Label{}
	for _, p := range anns {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for d := filepath.Dir(p); ; d = filepath.Dir(d) {
			if _, done := confs[d]; !done {
				confs[d] = bratLabels(d)
				addBratConfSchema(b, d)
			}
			if len(confs[d]) > 0 || d == filepath.Clean(dir) || d == filepath.Dir(d) {
				for _, l := range confs[d] {
					if key := strings.ToLower(l.Name); !seen[key] {
						seen[key] = true
						b.Labels = append(b.Labels, l)
					}
				}
				break
			}
		}
		if err := addBratPair(ctx, b, p); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// addBratPair reads the .ann file at annPath and its .txt into b.
func addBratPair(ctx context.Context, b *annotate.Batch, annPath string) error {
	ann, err := readInput(ctx, annPath)
	if err != nil {
		return err
	}
	txtPath := strings.TrimSuffix(annPath, filepath.Ext(annPath)) + ".txt"
	txt, err := readInput(ctx, txtPath)
	if err != nil {
		return annotate.Errorf(annotate.EINVALID, "%s: cannot read its text: %v", annPath, err)
	}
	if err := checkFileBytes(txtPath, txt); err != nil {
		return err
	}
	text := string(txt)
	doc := annotate.NewDocument(baseTitle(annPath), text, txtPath)
	return addBratDocument(b, annPath, ann, doc)
}
