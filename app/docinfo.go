package app

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// metadataSetter is the project method that saves a document's metadata
// (the store's SetMetadata).
type metadataSetter interface {
	SetMetadata(docID string, md map[string]any) error
}

// docInfo is the Document tab beside the span list: the shown document's
// labels (categories: a radio group for a single-choice set, checks for a
// multi-choice one) and its metadata as an editable key/value list.
type docInfo struct {
	s      *session
	win    fyne.Window
	sets   *fyne.Container
	meta   *fyne.Container
	newKey *widget.Entry
	newVal *widget.Entry
	add    *widget.Button

	content fyne.CanvasObject
	loading bool
}

func newDocInfo(s *session, win fyne.Window) *docInfo {
	d := &docInfo{s: s, win: win, sets: container.NewVBox(), meta: container.New(layout.NewFormLayout())}
	d.newKey, d.newVal = widget.NewEntry(), widget.NewEntry()
	d.newKey.SetPlaceHolder("key")
	d.newVal.SetPlaceHolder("value")
	d.newVal.OnSubmitted = func(string) { d.addPair() }
	d.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), d.addPair)
	addRow := container.NewBorder(nil, nil, nil, d.add, container.NewGridWithColumns(2, d.newKey, d.newVal))
	body := container.NewVBox(heading("Document labels"), d.sets, heading("Metadata"), d.meta, addRow)
	d.content = container.NewVScroll(body)
	return d
}

// show fills the tab for the shown document.
func (d *docInfo) show() {
	d.loading = true
	defer func() { d.loading = false }()
	d.sets.RemoveAll()
	d.meta.RemoveAll()
	doc := d.s.doc
	st, _ := d.s.p.(annotate.Structure)
	ro := d.s.p == nil || d.s.p.ReadOnly() || doc == nil
	if doc == nil {
		return
	}
	var sets []*annotate.CategorySet
	if st != nil {
		if sc, err := st.Schema(); err == nil {
			sets = sc.CategorySets
		}
	}
	if len(sets) == 0 {
		note := widget.NewLabel("The project defines no document labels (category sets); gloss-cli or an import adds them.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		d.sets.Add(note)
	}
	for _, c := range sets {
		d.sets.Add(widget.NewLabel(c.Name))
		d.sets.Add(d.setWidget(st, c, doc.Categories[c.Name], ro))
	}
	keys := slices.Sorted(maps.Keys(doc.Metadata))
	for _, k := range keys {
		d.meta.Add(widget.NewLabel(k))
		d.meta.Add(d.valueRow(k, doc.Metadata[k], ro))
	}
	for _, w := range []fyne.Disableable{d.newKey, d.newVal, d.add} {
		if ro {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// setWidget is a radio group (single choice) or checks (multi) for one set.
func (d *docInfo) setWidget(st annotate.Structure, c *annotate.CategorySet, values []string, ro bool) fyne.CanvasObject {
	save := func(vs []string) {
		if d.loading {
			return
		}
		if err := st.SetCategories(d.s.doc.ID, c.Name, vs); err != nil {
			showError(d.win, err)
			return
		}
		d.s.doc.Categories = setCategory(d.s.doc.Categories, c.Name, vs)
	}
	var w fyne.CanvasObject
	if c.Multi {
		g := widget.NewCheckGroup(c.Values, nil)
		g.Horizontal = true
		g.SetSelected(values)
		g.OnChanged = func(vs []string) { save(vs) }
		if ro {
			g.Disable()
		}
		w = g
	} else {
		r := widget.NewRadioGroup(c.Values, nil)
		r.Horizontal = true
		if len(values) > 0 {
			r.SetSelected(values[0])
		}
		r.OnChanged = func(v string) {
			if v == "" {
				save(nil)
			} else {
				save([]string{v})
			}
		}
		if ro {
			r.Disable()
		}
		w = r
	}
	return w
}

// setCategory returns cats with set's values replaced.
func setCategory(cats map[string][]string, set string, vs []string) map[string][]string {
	if cats == nil {
		cats = map[string][]string{}
	}
	if len(vs) == 0 {
		delete(cats, set)
	} else {
		cats[set] = vs
	}
	return cats
}

// valueRow is an entry with a metadata value (saved on Enter) and a button
// that removes the key.
func (d *docInfo) valueRow(key string, v any, ro bool) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetText(fmt.Sprint(v))
	e.OnSubmitted = func(text string) { d.save(key, text, false) }
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.save(key, "", true) })
	del.Importance = widget.LowImportance
	if _, isString := v.(string); !isString && v != nil {
		e.Disable() // numbers, lists and objects from an import stay as they are
	}
	if ro {
		e.Disable()
		del.Disable()
	}
	return container.NewBorder(nil, nil, nil, del, e)
}

// addPair adds the key and value typed in the last row.
func (d *docInfo) addPair() {
	k := strings.TrimSpace(d.newKey.Text)
	if k == "" {
		return
	}
	if d.save(k, d.newVal.Text, false) {
		d.newKey.SetText("")
		d.newVal.SetText("")
	}
}

// save sets (or with remove, removes) one metadata key and saves the
// document's metadata; it reports whether that worked.
func (d *docInfo) save(key, value string, remove bool) bool {
	ms, ok := d.s.p.(metadataSetter)
	if !ok || d.s.doc == nil {
		showError(d.win, fmt.Errorf("this project cannot save document metadata"))
		return false
	}
	md := maps.Clone(d.s.doc.Metadata)
	if md == nil {
		md = map[string]any{}
	}
	if remove {
		delete(md, key)
	} else {
		md[key] = value
	}
	if err := ms.SetMetadata(d.s.doc.ID, md); err != nil {
		showError(d.win, err)
		return false
	}
	d.s.doc.Metadata = md
	d.show()
	return true
}
