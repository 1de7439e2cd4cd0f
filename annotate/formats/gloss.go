package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// GlossVersion is the version of the Gloss JSON format this code writes.
// Version 2 added the project's relation types, attribute definitions and
// category sets, and each document's categories, relations, events, notes,
// equivalence sets and normalisations and its spans' attributes; version 1
// files, which have none of them, are still read.
const GlossVersion = 2

// GlossFile is the native export: everything in a project, losslessly.
type GlossFile struct {
	Format        string                   `json:"format"`
	Version       int                      `json:"version"`
	Labels        []GlossLabel             `json:"labels"`
	RelationTypes []*annotate.RelationType `json:"relation_types"`
	AttributeDefs []*annotate.AttributeDef `json:"attribute_defs"`
	CategorySets  []*annotate.CategorySet  `json:"category_sets"`
	Documents     []GlossDocument          `json:"documents"`
}

// GlossLabel is a label in Gloss JSON.
type GlossLabel struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Color       string `json:"color"`
	Hotkey      string `json:"hotkey"`
	Description string `json:"description"`
}

// GlossDocument is a document with its spans in Gloss JSON (and one line of
// Gloss JSONL).
type GlossDocument struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	SHA256    string          `json:"sha256"`
	Source    string          `json:"source,omitempty"`
	Status    annotate.Status `json:"status"`
	Metadata  map[string]any  `json:"metadata"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
	Spans     []GlossSpan     `json:"spans"`
	// Version 2: the document's categories by set name, and its
	// structure, which refers to spans (and events) by their IDs.
	Categories map[string][]string `json:"categories,omitempty"`
	Relations  []GlossRelation     `json:"relations,omitempty"`
	Events     []GlossEvent        `json:"events,omitempty"`
	Notes      []GlossNote         `json:"notes,omitempty"`
	Equivs     []GlossEquiv        `json:"equivs,omitempty"`
	Norms      []GlossNorm         `json:"norms,omitempty"`
}

// GlossSpan is a span in Gloss JSON. Start and End are code points; UTF16
// and UTF8 give the same span in those units as [start, end).
type GlossSpan struct {
	ID        string `json:"id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Label     string `json:"label"`
	Text      string `json:"text"`
	Note      string `json:"note"`
	Annotator string `json:"annotator"`
	Group     string `json:"group,omitempty"`
	// Attributes holds the span's attribute values by name (version 2).
	Attributes map[string]string `json:"attributes,omitempty"`
	CreatedAt  time.Time         `json:"created_at"`
	UpdatedAt  time.Time         `json:"updated_at"`
	UTF16      [2]int            `json:"utf16"`
	UTF8       [2]int            `json:"utf8"`
}

var glossFormat = &Format{
	Name:       "gloss",
	Extensions: []string{".json", ".gloss.json"},
	Sniff:      sniffGloss,
	Read:       readGlossJSON,
	Write:      writeGlossJSON,
}

// labelNames maps label IDs to names.
func labelNames(labels []*annotate.Label) map[string]string {
	m := make(map[string]string, len(labels))
	for _, l := range labels {
		m[l.ID] = l.Name
	}
	return m
}

// ToGlossDocument converts a stored document and its spans to the export shape.
func ToGlossDocument(d *annotate.Document, spans []*annotate.Span, names map[string]string) GlossDocument {
	cps := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		cps = append(cps, s.Start, s.End)
	}
	off := unitext.NewPoints(d.Text, cps)
	md := d.Metadata
	if md == nil {
		md = map[string]any{}
	}
	g := GlossDocument{ID: d.ID, Title: d.Title, Text: d.Text, SHA256: d.SHA256, Source: d.Source,
		Status: d.Status, Metadata: md, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt,
		Spans: make([]GlossSpan, 0, len(spans)), Categories: d.Categories}
	for _, s := range spans {
		g.Spans = append(g.Spans, GlossSpan{ID: s.ID, Start: s.Start, End: s.End, Label: names[s.LabelID],
			Text: off.Slice(s.Start, s.End), Note: s.Note, Annotator: s.Annotator, Group: s.Group,
			Attributes: s.Attributes, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt,
			UTF16: [2]int{off.UTF16(s.Start), off.UTF16(s.End)},
			UTF8:  [2]int{off.Byte(s.Start), off.Byte(s.End)}})
	}
	return g
}

// writeGlossJSON streams the project as one Gloss JSON object, one document
// per line inside the documents array.
func writeGlossJSON(w io.Writer, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	sc, err := sourceSchema(src)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	head := GlossFile{Format: "gloss", Version: GlossVersion, Labels: toGlossLabels(labels),
		RelationTypes: nonNil(sc.RelationTypes), AttributeDefs: nonNil(sc.AttributeDefs), CategorySets: nonNil(sc.CategorySets)}
	hb, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	hb = bytes.TrimSuffix(hb, []byte(`,"documents":null}`)) // the documents follow, one at a time
	bw.Write(hb)
	bw.WriteString(",\"documents\":[")
	rep := &ExportReport{}
	names := labelNames(labels)
	types := relationTypeByID(sc)
	var buf []byte
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		g := ToGlossDocument(d, spans, names)
		if err := addGlossStructure(&g, src, types, rep); err != nil {
			return err
		}
		buf, err = appendGlossDocument(buf[:0], &g)
		if err != nil {
			return err
		}
		if rep.Documents > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		rep.Documents++
		rep.Spans += len(spans)
		_, err = bw.Write(buf)
		return err
	})
	if err != nil {
		return nil, err
	}
	bw.WriteString("\n]}\n")
	return rep, bw.Flush()
}

func toGlossLabels(labels []*annotate.Label) []GlossLabel {
	out := make([]GlossLabel, len(labels))
	for i, l := range labels {
		out[i] = GlossLabel{ID: l.ID, Name: l.Name, Color: l.Color, Hotkey: l.Hotkey, Description: l.Description}
	}
	return out
}

func sniffGloss(head []byte) bool {
	var probe struct {
		Format string `json:"format"`
	}
	// The format key comes first in files we write; a prefix decode finds it.
	dec := json.NewDecoder(bytesReader(head))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	if t, err := dec.Token(); err != nil || t != "format" {
		return false
	}
	if err := dec.Decode(&probe.Format); err != nil {
		return false
	}
	return probe.Format == "gloss"
}

// readGlossJSON reads a Gloss JSON export into a batch, checking every span.
func readGlossJSON(name string, data []byte) (*annotate.Batch, error) {
	if err := checkFileBytes(name, data); err != nil {
		return nil, err
	}
	if err := checkJSON(name, data); err != nil {
		return nil, err
	}
	var f GlossFile
	if err := decodeJSON(name, data, &f); err != nil {
		return nil, err
	}
	if f.Format != "gloss" {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: not a Gloss export (format is %q, want \"gloss\")", name, f.Format)
	}
	if f.Version < 1 || f.Version > GlossVersion {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: Gloss format version %d is not supported (this Gloss reads 1..%d)", name, f.Version, GlossVersion)
	}
	b := &annotate.Batch{}
	for i, l := range f.Labels {
		lab := &annotate.Label{ID: l.ID, Name: l.Name, Color: l.Color, Hotkey: l.Hotkey, Description: l.Description}
		check := *lab
		if check.Color == "" {
			check.Color = annotate.Palette[0] // no colour: the project picks one from the palette
		}
		if err := check.Validate(); err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s: label %d: %v", name, i+1, err)
		}
		b.Labels = append(b.Labels, lab)
	}
	if err := addGlossSchema(b, &f, name); err != nil {
		return nil, err
	}
	for i := range f.Documents {
		where := Where{File: name, Record: i + 1}
		if err := addGlossDocument(b, &f.Documents[i], where); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// addGlossDocument validates one Gloss document and appends it to the batch.
func addGlossDocument(b *annotate.Batch, g *GlossDocument, where Where) error {
	if err := checkText(where, "", g.Text); err != nil {
		return err
	}
	d := annotate.NewDocument(g.Title, g.Text, g.Source)
	if g.ID != "" {
		d.ID = g.ID
	}
	if g.SHA256 != "" && g.SHA256 != d.SHA256 {
		return where.Errorf("sha256 %s does not match the text (which hashes to %s)", g.SHA256, d.SHA256)
	}
	if g.Status != "" {
		d.Status = g.Status
	}
	if g.Metadata != nil {
		d.Metadata = g.Metadata
	}
	if !g.CreatedAt.IsZero() {
		d.CreatedAt, d.UpdatedAt = g.CreatedAt, g.UpdatedAt
	}
	if d.Title == "" {
		d.Title = d.ID
	}
	if err := d.Validate(); err != nil {
		return where.Errorf("%v", err)
	}
	b.Documents = append(b.Documents, d)
	off := unitext.NewOffsets(d.Text)
	for j, gs := range g.Spans {
		sw := where
		sw.Span = j + 1
		if err := annotate.CheckRange(gs.Start, gs.End, off.Len()); err != nil {
			return sw.Errorf("%v", err)
		}
		if got := off.Slice(gs.Start, gs.End); gs.Text != "" && got != gs.Text {
			return sw.Errorf("text at [%d, %d) is %q but the file says %q", gs.Start, gs.End, got, gs.Text)
		}
		if err := checkLabelName(sw, gs.Label); err != nil {
			return err
		}
		s := annotate.NewSpan(d.ID, gs.Start, gs.End, "")
		if gs.ID != "" {
			s.ID = gs.ID
		}
		s.Note, s.Annotator, s.Group = gs.Note, gs.Annotator, gs.Group
		if err := checkAttributes(gs.Attributes); err != nil {
			return sw.Errorf("%v", err)
		}
		s.Attributes = gs.Attributes
		if !gs.CreatedAt.IsZero() {
			s.CreatedAt, s.UpdatedAt = gs.CreatedAt, gs.UpdatedAt
		}
		b.Spans = append(b.Spans, &annotate.BatchSpan{Span: *s, LabelName: gs.Label})
	}
	return addGlossDocStructure(b, g, d, where)
}
