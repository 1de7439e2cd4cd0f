package formats

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gloss/annotate"
)

// Plan is what an import reads, decided before anything is read: which
// files with which format, and which files of the folders given are left
// out and why. The window and gloss-cli import both use it, so they pick
// the same files.
type Plan struct {
	Reads   []Read      // in reading order
	Skipped []Skip      // files and folders met in the walk and not read
	Options ReadOptions // what Load reads the files with
	// MaxInput caps the size of each file read (0: DefaultMaxInput); a
	// larger file is refused, naming it.
	MaxInput int64
}

// Read is one step of a plan: a file read with a format, or a folder read
// as a whole (brat) with the files of that format in it.
type Read struct {
	Path   string
	Format *Format
	Files  []string // for a folder read as a whole, its files in order; else nil
}

// Skip is a file or folder a plan leaves out, with the reason.
type Skip struct {
	Path   string
	Reason string
}

// Reasons a plan gives for leaving a file out.
const (
	SkipHidden = "hidden"
	// SkipNotText: a file of a folder read with "auto" that Gloss does not
	// import from folders (see mixedExtensions), or not a text file when
	// the folder is read as text.
	SkipNotText = "not a kind of file Gloss imports from a folder (" + folderKinds + "): import it on its own, or name its format"
	SkipNotBrat = "not part of a brat document"
)

// PlanPaths decides what an import of paths reads. A file named in paths is
// read in the named format or, with "auto" or "", the format Detect picks
// from its name and first bytes. A folder is walked once, recursively and
// in name order, leaving out hidden files and folders (names starting with
// "."): with a format named, its files of that format are read (a folder
// format such as brat reads them together); with "auto", the files of the
// kinds in mixedExtensions (text, HTML, DOCX, CSV/TSV, JSONL) are read side by
// side, each in the format Detect picks, except that the .ann files anywhere
// in it, with their .txt, are read together as brat (one read of the folder
// after the other files), so that no annotations are dropped from a corpus
// split into train/ and dev/. Errors name the path.
func PlanPaths(paths []string, format string) (*Plan, error) {
	return PlanPathsWith(paths, ReadOptions{Format: format})
}

// PlanPathsWith is PlanPaths with all the import's options (opts.Format is
// PlanPaths's format); the plan keeps them for Load.
func PlanPathsWith(paths []string, opts ReadOptions) (*Plan, error) {
	format := opts.Format
	auto := format == "" || format == "auto"
	var named *Format
	if !auto {
		f, err := Lookup(format)
		if err != nil {
			return nil, err
		}
		named = f
	}
	plan := &Plan{Options: opts}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", p, unwrapPathError(err))
		}
		switch {
		case info.IsDir():
			err = plan.addFolder(p, named)
		case !info.Mode().IsRegular():
			err = annotate.Errorf(annotate.EINVALID, "%s: not a regular file (%s): Gloss imports only files and folders", p, kindOf(info))
		default:
			err = plan.addFile(p, named)
		}
		if err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// addFile plans one file named by the user.
func (plan *Plan) addFile(p string, named *Format) error {
	f := named
	if f == nil {
		var head []byte
		if len(candidates(p)) > 1 {
			var err error
			if head, err = readHead(p); err != nil {
				return err
			}
		}
		var err error
		if f, err = Detect(p, head, "auto"); err != nil {
			return err
		}
	}
	if f.Read == nil {
		return annotate.Errorf(annotate.EINVALID, "%s: Gloss cannot import the %s format", p, f.Name)
	}
	plan.Reads = append(plan.Reads, Read{Path: p, Format: f})
	return nil
}

// addFolder plans a folder: one walk, then the files it found.
func (plan *Plan) addFolder(dir string, named *Format) error {
	f := named
	if f == nil {
		return plan.addAutoFolder(dir)
	}
	files, skipped, err := walk(dir, f)
	if err != nil {
		return err
	}
	plan.Skipped = append(plan.Skipped, skipped...)
	if f.ReadFolder != nil {
		if len(files) > 0 {
			plan.Reads = append(plan.Reads, Read{Path: dir, Format: f, Files: files})
		}
		return nil
	}
	if f.Read == nil {
		return annotate.Errorf(annotate.EINVALID, "%s: Gloss cannot import the %s format", dir, f.Name)
	}
	for _, p := range files {
		plan.Reads = append(plan.Reads, Read{Path: p, Format: f})
	}
	return nil
}

// walk is the one folder walk of an import in a named format: every file
// under dir with one of f's extensions, sorted, and what else it met (hidden entries once, not
// their contents; for a folder format, the files that go with its own are
// neither read nor skipped).
func walk(dir string, f *Format) (files []string, skipped []Skip, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			skipped = append(skipped, Skip{p, SkipHidden})
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case !d.Type().IsRegular() && !regularFile(p):
			skipped = append(skipped, Skip{p, SkipNotRegular})
		case matchExt(p, f.Extensions):
			files = append(files, p)
		case f == bratFormat:
			if !bratCompanion(p) {
				skipped = append(skipped, Skip{p, SkipNotBrat})
			}
		case f == textFormat:
			skipped = append(skipped, Skip{p, SkipNotText})
		default:
			skipped = append(skipped, Skip{p, notOfFormat(f)})
		}
		return nil
	})
	if err != nil {
		return nil, nil, annotate.Errorf(annotate.EINVALID, "%s: %v", dir, unwrapPathError(err))
	}
	sort.Strings(files)
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return files, skipped, nil
}

// regularFile reports whether p is, or links to, a regular file.
func regularFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// notOfFormat is the reason a file is left out of a folder read in f.
func notOfFormat(f *Format) string {
	return "not a " + f.Name + " file (" + strings.Join(f.Extensions, ", ") + ")"
}

// addAutoFolder plans a folder with "auto": one walk sorting its files
// into brat documents (.ann files; their .txt and brat's .conf files go
// with them), files of the kinds in mixedExtensions (each read in the
// format Detect picks), and the rest (skipped with a reason).
func (plan *Plan) addAutoFolder(dir string) error {
	var anns, others []string
	first := len(plan.Skipped)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			plan.Skipped = append(plan.Skipped, Skip{p, SkipHidden})
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case !d.Type().IsRegular() && !regularFile(p):
			plan.Skipped = append(plan.Skipped, Skip{p, SkipNotRegular})
		case matchExt(p, bratFormat.Extensions):
			anns = append(anns, p)
		case bratCompanion(p):
		case matchExt(p, mixedExtensions):
			others = append(others, p)
		default:
			plan.Skipped = append(plan.Skipped, Skip{p, SkipNotText})
		}
		return nil
	})
	if err != nil {
		return annotate.Errorf(annotate.EINVALID, "%s: %v", dir, unwrapPathError(err))
	}
	sort.Strings(others)
	sort.Strings(anns)
	mine := plan.Skipped[first:]
	sort.Slice(mine, func(i, j int) bool { return mine[i].Path < mine[j].Path })
	for _, p := range others {
		if err := plan.addFile(p, nil); err != nil {
			return err
		}
	}
	if len(anns) > 0 {
		plan.Reads = append(plan.Reads, Read{Path: dir, Format: bratFormat, Files: anns})
	}
	return nil
}
