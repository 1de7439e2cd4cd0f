package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// everyLabel is the attribute editor's choice for an attribute of every label.
const everyLabel = "(every label)"

// schemaEditor is the Relation types and attributes dialog: the project's
// relation types (name, colour, directed, allowed source and target
// labels) and the attributes defined per label (name, kind, values), each
// with a form that adds one.
type schemaEditor struct {
	s        *session
	win      fyne.Window
	types    *widget.Label
	attrs    *widget.Label
	onChange func() // the schema changed: redraw relations and the span panel
}

func newSchemaEditor(s *session, win fyne.Window) *schemaEditor {
	return &schemaEditor{s: s, win: win, types: widget.NewLabel(""), attrs: widget.NewLabel("")}
}

// show opens the dialog.
func (e *schemaEditor) show() {
	st, ok := e.s.p.(annotate.Structure)
	if !ok {
		showError(e.win, fmt.Errorf("this project cannot hold relations or attributes"))
		return
	}
	e.list(st)
	tabs := container.NewAppTabs(
		container.NewTabItem("Relation types", container.NewBorder(e.typeForm(st), nil, nil, nil, container.NewVScroll(e.types))),
		container.NewTabItem("Attributes", container.NewBorder(e.attrForm(st), nil, nil, nil, container.NewVScroll(e.attrs))),
	)
	d := dialog.NewCustom("Relation types and attributes", "Close", tabs, e.win)
	d.Resize(fyne.NewSize(min(720, e.win.Canvas().Size().Width*0.9), min(560, e.win.Canvas().Size().Height*0.9)))
	showCustom(e.win, d)
}

// list shows the schema's relation types and attributes.
func (e *schemaEditor) list(st annotate.Structure) {
	sc, err := st.Schema()
	if err != nil {
		showError(e.win, err)
		return
	}
	var b strings.Builder
	for _, t := range sc.RelationTypes {
		arrow := "—"
		if t.Directed {
			arrow = "→"
		}
		fmt.Fprintf(&b, "%s  (%s %s %s)  %s\n", t.Name, anyOf(t.FromLabels), arrow, anyOf(t.ToLabels), t.Color)
	}
	e.types.SetText(orNone(b.String(), "No relation types yet."))
	b.Reset()
	for _, d := range sc.AttributeDefs {
		if d.Scope != annotate.ScopeSpan {
			continue
		}
		label := d.Label
		if label == "" {
			label = everyLabel
		}
		fmt.Fprintf(&b, "%s: %s (%s) %s\n", label, d.Name, d.Kind, strings.Join(d.Values, ", "))
	}
	e.attrs.SetText(orNone(b.String(), "No attributes yet."))
}

func anyOf(labels []string) string {
	if len(labels) == 0 {
		return "any"
	}
	return strings.Join(labels, "|")
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return strings.TrimSuffix(s, "\n")
}

// labelNames returns the project's label names.
func (e *schemaEditor) labelNames() []string {
	names := make([]string, len(e.s.labels))
	for i, l := range e.s.labels {
		names[i] = l.Name
	}
	return names
}

// typeForm adds a relation type.
func (e *schemaEditor) typeForm(st annotate.Structure) fyne.CanvasObject {
	name, colour := widget.NewEntry(), widget.NewEntry()
	name.SetPlaceHolder("says")
	colour.SetPlaceHolder("#RRGGBB (optional)")
	directed := widget.NewCheck("Directed (from → to)", nil)
	directed.SetChecked(true)
	from, to := widget.NewCheckGroup(e.labelNames(), nil), widget.NewCheckGroup(e.labelNames(), nil)
	from.Horizontal, to.Horizontal = true, true
	add := widget.NewButton("Add relation type", func() {
		t := &annotate.RelationType{ID: annotate.NewID(), Name: strings.TrimSpace(name.Text), Color: strings.TrimSpace(colour.Text),
			Directed: directed.Checked, FromLabels: from.Selected, ToLabels: to.Selected}
		if err := e.save(st, t.Validate, func() error { return st.AddRelationType(t) }); err == nil {
			name.SetText("")
		}
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Name"), name, widget.NewLabel("Colour"), colour,
		widget.NewLabel("From labels"), from, widget.NewLabel("To labels"), to,
		layout.NewSpacer(), directed)
	hint := widget.NewLabel("No label ticked: any label.")
	hint.Importance = widget.LowImportance
	return container.NewVBox(form, container.NewBorder(nil, nil, hint, add), widget.NewSeparator())
}

// attrForm adds an attribute to a label (or every label).
func (e *schemaEditor) attrForm(st annotate.Structure) fyne.CanvasObject {
	label := widget.NewSelect(append([]string{everyLabel}, e.labelNames()...), nil)
	label.SetSelected(everyLabel)
	name, values := widget.NewEntry(), widget.NewEntry()
	name.SetPlaceHolder("certainty")
	values.SetPlaceHolder("low, medium, high (for a choice)")
	kind := widget.NewRadioGroup([]string{string(annotate.AttrBool), string(annotate.AttrChoice), string(annotate.AttrText)}, nil)
	kind.Horizontal = true
	kind.SetSelected(string(annotate.AttrBool))
	add := widget.NewButton("Add attribute", func() {
		d := &annotate.AttributeDef{ID: annotate.NewID(), Name: strings.TrimSpace(name.Text), Kind: annotate.AttributeKind(kind.Selected)}
		if label.Selected != everyLabel {
			d.Label = label.Selected
		}
		if d.Kind == annotate.AttrChoice {
			for _, v := range strings.Split(values.Text, ",") {
				if v = strings.TrimSpace(v); v != "" {
					d.Values = append(d.Values, v)
				}
			}
		}
		if err := e.save(st, d.Validate, func() error { return st.AddAttributeDef(d) }); err == nil {
			name.SetText("")
			values.SetText("")
		}
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Label"), label, widget.NewLabel("Name"), name,
		widget.NewLabel("Kind"), kind, widget.NewLabel("Values"), values)
	return container.NewVBox(form, container.NewBorder(nil, nil, nil, add), widget.NewSeparator())
}

// save validates and stores a schema item, then lists the schema again.
func (e *schemaEditor) save(st annotate.Structure, validate, store func() error) error {
	err := validate()
	if err == nil {
		err = store()
	}
	if err != nil {
		showError(e.win, err)
		return err
	}
	e.list(st)
	if e.onChange != nil {
		e.onChange()
	}
	return nil
}
