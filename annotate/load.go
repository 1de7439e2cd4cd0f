package annotate

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LoadPaths reads files and folders (recursively) into one batch, in the
// named format or, with "auto" or "", detecting each file's format from its
// extension and content. A folder holding .ann files is read as brat when
// that format is available. Any error names the file (and line) and no
// partial batch is returned.
func LoadPaths(paths []string, format string) (*Batch, error) {
	all := &Batch{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, Errorf(EINVALID, "%s: %v", p, unwrapPathError(err))
		}
		var b *Batch
		if info.IsDir() {
			b, err = loadDir(p, format)
		} else {
			b, err = loadFile(p, format)
		}
		if err != nil {
			return nil, err
		}
		all.Append(b)
	}
	return all, nil
}

// Append adds another batch's contents to b.
func (b *Batch) Append(o *Batch) {
	b.Labels = append(b.Labels, o.Labels...)
	b.Documents = append(b.Documents, o.Documents...)
	b.Spans = append(b.Spans, o.Spans...)
	for k, n := range o.Skipped {
		b.Skip(k, n)
	}
}

func loadDir(dir, format string) (*Batch, error) {
	if f, err := LookupFormat(format); err == nil && f.ReadDir != nil {
		return f.ReadDir(dir)
	}
	if format == "" || format == "auto" {
		if f, err := LookupFormat("brat"); err == nil && f.ReadDir != nil && hasExt(dir, ".ann") {
			return f.ReadDir(dir)
		}
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && wantFile(p, format) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, Errorf(EINVALID, "%s: %v", dir, unwrapPathError(err))
	}
	sort.Strings(files)
	all := &Batch{}
	for _, p := range files {
		b, err := loadFile(p, format)
		if err != nil {
			return nil, err
		}
		all.Append(b)
	}
	return all, nil
}

// wantFile reports whether a file found in a folder belongs to the import:
// with no format named, text files only (.txt, .md); else the format's extensions.
func wantFile(p, format string) bool {
	if format == "" || format == "auto" {
		format = "text"
	}
	f, err := LookupFormat(format)
	if err != nil {
		return false
	}
	return matchExt(p, f.Extensions)
}

func matchExt(p string, exts []string) bool {
	lp := strings.ToLower(p)
	for _, e := range exts {
		if strings.HasSuffix(lp, e) {
			return true
		}
	}
	return false
}

func hasExt(dir, ext string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasSuffix(strings.ToLower(e.Name()), ext) {
			return true
		}
	}
	return false
}

func loadFile(p, format string) (*Batch, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, Errorf(EINVALID, "%s: %v", p, unwrapPathError(err))
	}
	f, err := DetectFormat(p, data, format)
	if err != nil {
		return nil, err
	}
	if f.Read == nil {
		return nil, Errorf(EINVALID, "%s: Gloss cannot import the %s format", p, f.Name)
	}
	return f.Read(p, data)
}

// DetectFormat picks the format for a file: the named one, or with "auto"
// the formats whose extension matches, preferring one whose Sniff accepts
// the content.
func DetectFormat(p string, data []byte, format string) (*Format, error) {
	if format != "" && format != "auto" {
		return LookupFormat(format)
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	var byExt []*Format
	for _, name := range formatOrder {
		f := formats[name]
		if f.Read != nil && matchExt(p, f.Extensions) {
			byExt = append(byExt, f)
		}
	}
	for _, f := range byExt {
		if f.Sniff != nil && f.Sniff(head) {
			return f, nil
		}
	}
	for _, f := range byExt {
		if f.Sniff == nil {
			return f, nil
		}
	}
	if len(byExt) > 0 {
		return byExt[0], nil
	}
	return nil, Errorf(EINVALID, "%s: cannot tell the format from the name; name one with --format (%s)", p, strings.Join(FormatNames(), ", "))
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err
	}
	return err
}
