package app_test

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
)

func TestAgreementTableEqualsCompute(t *testing.T) {
	tp := newTeamGloss(t)
	cells := tp.g.OpenAgreement("all", nil)
	study, err := tp.s.AgreementStudy("all", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := agree.Compute(study)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) == 0 {
		t.Fatalf("no table; note %q", tp.g.AgreementNote())
	}
	if got := cells[0]; got[0] != "Label" || got[1] != "alpha_u" || got[2] != "kappa alice·bob" {
		t.Errorf("header %q", got)
	}
	rows := map[string][]string{}
	for _, r := range cells {
		rows[r[0]] = r
	}
	for _, l := range []*annotate.Label{tp.l1, tp.l2} {
		r := rows[l.Name]
		if r == nil {
			t.Fatalf("no row for %s in %q", l.Name, cells)
		}
		if r[1] != want.Labels[l.Name].AlphaU.String() || r[2] != want.Pairs[0].Kappa[l.Name].String() {
			t.Errorf("%s: %q, want alpha %s kappa %s", l.Name, r, want.Labels[l.Name].AlphaU, want.Pairs[0].Kappa[l.Name])
		}
		if !want.Labels[l.Name].AlphaU.Defined {
			t.Errorf("%s: alpha undefined on this data", l.Name)
		}
	}
	if r := rows["All labels"]; r == nil || r[1] != want.AlphaU.String() {
		t.Errorf("overall row %q, want %s", r, want.AlphaU)
	}
	if r := rows["alice · bob"]; r == nil || r[1] != want.Pairs[0].F1Exact.String() || r[2] != want.Pairs[0].F1Overlap.String() {
		t.Errorf("pair row %q", r)
	}
	// Exact F1 by hand: one shared tuple of three each.
	if got := want.Pairs[0].F1Exact.X; got < 0.3333 || got > 0.3334 {
		t.Errorf("f1_exact %v, want 1/3", got)
	}
	// Scope done: nobody marked anything done, so no documents.
	tp.g.OpenAgreement("done", nil)
	if !strings.Contains(tp.g.AgreementNote(), "0 documents") {
		t.Errorf("scope done: %q", tp.g.AgreementNote())
	}
	// One annotator cannot be compared.
	if cells := tp.g.OpenAgreement("all", []string{"alice"}); len(cells) != 0 {
		t.Errorf("one annotator gave a table %q", cells)
	}
}

func TestAgreementChartBarsAndExport(t *testing.T) {
	tp := newTeamGloss(t)
	for _, ann := range []string{"alice", "bob"} { // agreement enough for positive alphas
		tp.add(t, ann, 100, 160, tp.l1)
		tp.add(t, ann, 200, 290, tp.l2)
	}
	tp.add(t, "alice", 300, 330, tp.l2)
	tp.add(t, "bob", 300, 340, tp.l2)
	tp.g.OpenAgreement("all", nil)
	res := tp.g.AgreementResult()
	bars, labels := tp.g.ChartBars()
	if len(bars) != len(res.Labels) || len(labels) != 2 {
		t.Fatalf("%d bars for %d labels (%v)", len(bars), len(res.Labels), labels)
	}
	zero := tp.g.ChartZero()
	var unit float32
	for i, b := range bars {
		a := res.Labels[labels[i]].AlphaU.X
		if a <= 0 {
			t.Fatalf("label %s: alpha %v not positive on this data", labels[i], a)
		}
		if b.Position().Y+b.Size().Height != zero {
			t.Errorf("bar %d does not stand on the zero line", i)
		}
		u := b.Size().Height / float32(a)
		if i == 0 {
			unit = u
		} else if d := u - unit; d > 0.01 || d < -0.01 {
			t.Errorf("bar heights not proportional to alpha: %v vs %v px per unit", u, unit)
		}
	}
	dir := t.TempDir()
	csvPath, pngPath := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.png")
	if err := tp.g.ExportAgreement(csvPath, pngPath); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(csvPath)
	if err != nil || !strings.HasPrefix(string(data), "document,label,a,b,figure,value") ||
		!strings.Contains(string(data), ","+tp.l1.Name+",,,alpha_u,") {
		t.Errorf("CSV: %v\n%s", err, data)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() < 100 || img.Bounds().Dy() < 100 {
		t.Errorf("PNG is %v", img.Bounds())
	}
	blue := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == 0x43 && g>>8 == 0x63 && b>>8 == 0xD8 {
				blue++
			}
		}
	}
	if blue == 0 {
		t.Error("the exported chart has no bar pixels")
	}
}
