package formats

import (
	"strings"

	"gloss/annotate"
)

// attribute reads "A1<tab>Name TARGET [Value]" (and legacy "M1<tab>Name
// TARGET"): a value on a span (all its fragments), relation or event; a
// binary attribute has the value "true".
func (d *bratDoc) attribute(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.Split(l.text, "\t")
	var parts []string
	if len(f) >= 2 {
		parts = strings.Fields(f[1])
	}
	if len(parts) < 2 || len(parts) > 3 {
		return where.Errorf("attribute %q: want \"ID<tab>Name TARGET [Value]\"", shorten(l.text, 40))
	}
	name, ref, value := parts[0], parts[1], annotate.AttrTrue
	if len(parts) == 3 {
		value = parts[2]
	}
	kind, id, ok := d.target(ref)
	if !ok {
		return where.Errorf("attribute %s is on %s, which the file does not define", name, ref)
	}
	var maps []*map[string]string
	switch kind {
	case 'T':
		for _, s := range d.spans[ref] {
			maps = append(maps, &s.Attributes)
		}
	case 'R':
		maps = append(maps, &d.rels[ref].Attributes)
	case 'E':
		maps = append(maps, &d.events[ref].Attributes)
	}
	_ = id
	for _, m := range maps {
		if *m == nil {
			*m = map[string]string{}
		}
		if _, dup := (*m)[name]; dup {
			return where.Errorf("attribute %s is given twice for %s", name, ref)
		}
		(*m)[name] = value
	}
	return nil
}

// norm reads "N1<tab>Reference TARGET Resource:Entry<tab>text".
func (d *bratDoc) norm(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.SplitN(l.text, "\t", 3)
	var parts []string
	if len(f) >= 2 {
		parts = strings.Fields(f[1])
	}
	if len(parts) != 3 || !strings.Contains(parts[2], ":") {
		return where.Errorf("normalization %q: want \"ID<tab>Reference TARGET Resource:ID<tab>text\"", shorten(l.text, 40))
	}
	_, id, ok := d.target(parts[1])
	if !ok {
		return where.Errorf("normalization %s is on %s, which the file does not define", f[0], parts[1])
	}
	res, entry, _ := strings.Cut(parts[2], ":")
	n := &annotate.Norm{ID: annotate.NewID(), DocumentID: d.docID, Type: parts[0], Target: id, Resource: res, EntryID: entry}
	if len(f) == 3 {
		n.Text = f[2]
	}
	if err := n.Validate(); err != nil {
		return where.Errorf("%v", err)
	}
	d.b.Norms = append(d.b.Norms, n)
	return nil
}

// note reads "#1<tab>Type TARGET<tab>text". The first AnnotatorNotes of a
// span or relation becomes its note; every other note is kept as a typed note.
func (d *bratDoc) note(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.SplitN(l.text, "\t", 3)
	var parts []string
	if len(f) >= 2 {
		parts = strings.Fields(f[1])
	}
	if len(parts) != 2 {
		return where.Errorf("note %q: want \"#ID<tab>AnnotatorNotes TARGET<tab>text\"", l.text)
	}
	typ, ref, text := parts[0], parts[1], ""
	if len(f) == 3 {
		text = f[2]
	}
	kind, id, ok := d.target(ref)
	if !ok {
		if ref != "" && strings.ContainsRune("TRE", rune(ref[0])) {
			return where.Errorf("note on %s, which the file does not define", ref)
		}
		d.b.Skip("notes on attributes, normalizations or equivalences", 1)
		return nil
	}
	if typ == annotate.NoteAnnotator && text != "" {
		switch {
		case kind == 'T' && d.spans[ref][0].Note == "":
			for _, s := range d.spans[ref] {
				s.Note = text
			}
			return nil
		case kind == 'R' && d.rels[ref].Note == "":
			d.rels[ref].Note = text
			return nil
		}
	}
	d.b.Notes = append(d.b.Notes, &annotate.Note{ID: annotate.NewID(), DocumentID: d.docID, Type: typ, Target: id, Text: text})
	return nil
}
