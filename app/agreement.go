package app

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// agreementArea is the Agreement window (Ctrl+Shift+A): the figures of
// annotate/agree over the project's study, as a table per label and pair
// and a chart of alpha_u per label, exportable as CSV and PNG.
type agreementArea struct {
	s   *session
	app fyne.App
	win fyne.Window // nil when closed

	scope  *widget.RadioGroup
	coders *widget.CheckGroup
	table  *widget.Table
	chart  *alphaChart
	note   *widget.Label

	cells  [][]string
	result agree.Result
	study  agree.Study
}

// source is the project as an agreementSource, or nil.
func (a *agreementArea) source() agreementSource { return a.s.agreementSource() }

// show opens the Agreement window (or brings it forward).
func (a *agreementArea) show() {
	if a.source() == nil {
		return
	}
	if a.win != nil {
		a.win.RequestFocus()
		a.compute()
		return
	}
	a.scope = widget.NewRadioGroup([]string{"done", "all"}, func(string) { a.compute() })
	a.scope.Horizontal = true
	a.scope.Selected = "done"
	var coders []string
	for _, n := range a.s.annotators() {
		if n != annotate.Gold {
			coders = append(coders, n)
		}
	}
	a.coders = widget.NewCheckGroup(coders, func([]string) { a.compute() })
	a.coders.Horizontal = true
	a.coders.Selected = coders
	a.table = widget.NewTable(
		func() (int, int) {
			if len(a.cells) == 0 {
				return 0, 0
			}
			return len(a.cells), len(a.cells[0])
		},
		func() fyne.CanvasObject { return widget.NewLabel("kappa alice·bob") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0 || id.Col == 0
			l.Text = a.cells[id.Row][id.Col]
			l.Refresh()
		})
	a.chart = newAlphaChart()
	a.note = widget.NewLabel("")
	a.note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("Documents:"), a.scope, widget.NewLabel("   Annotators:"), a.coders),
		a.note)
	buttons := container.NewHBox(widget.NewButton("Export CSV…", a.showExportCSV), widget.NewButton("Export chart as PNG…", a.showExportPNG))
	split := container.NewVSplit(a.table, a.chart)
	split.Offset = 0.55
	a.win = a.app.NewWindow("Gloss — Agreement")
	a.win.SetContent(container.NewBorder(top, buttons, nil, nil, split))
	a.win.Resize(fyne.NewSize(860, 640))
	a.win.SetOnClosed(func() { a.win = nil })
	a.compute()
	a.win.Show()
}

// compute builds the study with the chosen scope and annotators and shows
// its figures.
func (a *agreementArea) compute() {
	if a.win == nil || a.scope == nil || a.coders == nil {
		return
	}
	a.cells, a.result = nil, agree.Result{}
	defer func() {
		a.table.Refresh()
		a.chart.setBars(chartBars(a.result))
	}()
	if len(a.coders.Selected) < 2 {
		a.note.SetText("Choose at least two annotators to compare.")
		return
	}
	study, err := a.source().AgreementStudy(a.scope.Selected, a.coders.Selected, nil)
	if err == nil {
		a.result, err = agree.Compute(study)
	}
	if err != nil {
		a.note.SetText(err.Error())
		return
	}
	a.study = study
	a.cells = agreementCells(a.result)
	for i := range a.cells[0] {
		a.table.SetColumnWidth(i, 130)
	}
	a.note.SetText(fmt.Sprintf("%s, %d code points, documents %s. Undefined figures read n/a; see docs/agreement.md.",
		plural(a.result.Documents, "document"), a.result.Length, map[string]string{"done": "every compared annotator marked done", "all": "all"}[a.scope.Selected]))
}

// showExportCSV saves the figures (whole study and per document) as CSV.
func (a *agreementArea) showExportCSV() {
	f := &fileDialogs{s: a.s, win: a.win}
	d := f.save(func(path string) { a.report(a.exportCSV(path)) })
	d.SetFileName(a.s.projectName() + "-agreement.csv")
	f.show(d)
}

// exportCSV writes agree.WriteCSV of the shown study to path.
func (a *agreementArea) exportCSV(path string) error {
	docs, err := agree.ByDocument(a.study)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := agree.WriteCSV(&b, a.result, docs); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// showExportPNG saves the chart as a PNG image.
func (a *agreementArea) showExportPNG() {
	f := &fileDialogs{s: a.s, win: a.win}
	d := f.save(func(path string) { a.report(a.exportPNG(path)) })
	d.SetFileName(a.s.projectName() + "-alpha.png")
	f.show(d)
}

// chartImage is the chart as the window draws it: the window's capture,
// cut to the chart.
func (a *agreementArea) chartImage() image.Image {
	c := a.win.Canvas()
	shot := c.Capture()
	scale := float32(shot.Bounds().Dx()) / c.Size().Width
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.chart)
	sz := a.chart.Size()
	r := image.Rect(int(pos.X*scale), int(pos.Y*scale), int((pos.X+sz.Width)*scale), int((pos.Y+sz.Height)*scale)).Intersect(shot.Bounds())
	out := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), shot, r.Min, draw.Src)
	return out
}

// exportPNG writes the chart to path.
func (a *agreementArea) exportPNG(path string) error {
	var b bytes.Buffer
	if err := png.Encode(&b, a.chartImage()); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// report shows an export's failure, or where it went.
func (a *agreementArea) report(err error) {
	if err != nil {
		showError(a.win, err)
		return
	}
	a.note.SetText("Saved.")
}
