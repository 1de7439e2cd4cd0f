package find

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	t1 := "Lavrov met Lavrov. Лавров"
	t2 := "Nothing here about Lavrov"
	existing := []Span{
		{Doc: "d1", Start: 0, End: 6, Label: "actor"},   // present
		{Doc: "d1", Start: 11, End: 17, Label: "place"}, // same range, other label: not present
		{Doc: "d2", Start: 19, End: 25, Label: "actor"}, // present
	}
	p := NewPlan(existing, 2, 5)
	lit := mustLiteral(t, "lavrov", Options{})
	p.Offer("d1", t1, lit.FindAll(t1), "actor")
	p.Offer("d1", t1, []Hit{{Start: 19, End: 25, Label: "person"}, {Start: 19, End: 25, Label: "person"}}, "actor")
	p.Offer("d2", t2, lit.FindAll(t2), "actor")
	p.Offer("d3", "", nil, "actor")

	wantNew := []Span{{"d1", 11, 17, "actor"}, {"d1", 19, 25, "person"}}
	if !reflect.DeepEqual(p.New, wantNew) {
		t.Errorf("New = %v, want %v", p.New, wantNew)
	}
	if p.Present != 3 {
		t.Errorf("Present = %d, want 3 (two existing, one repeated hit)", p.Present)
	}
	wantDocs := []DocCount{{"d1", 2, 2}, {"d2", 0, 1}, {"d3", 0, 0}}
	if !reflect.DeepEqual(p.Docs, wantDocs) {
		t.Errorf("Docs = %v, want %v", p.Docs, wantDocs)
	}
	wantPreview := []Row{
		{Doc: "d1", Start: 11, End: 17, Label: "actor", Left: " met ", Hit: "Lavrov", Right: ". Лав"},
		{Doc: "d1", Start: 19, End: 25, Label: "person", Left: "rov. ", Hit: "Лавров", Right: ""},
	}
	if !reflect.DeepEqual(p.Preview, wantPreview) {
		t.Errorf("Preview = %+v\nwant %+v", p.Preview, wantPreview)
	}
	sum := p.Summary(func(d string) string { return "Doc " + d })
	for _, want := range []string{
		"Doc d1: 2 to add, 2 already present\n",
		"Doc d2: 0 to add, 1 already present\n",
		"2 spans to add in 2 documents, 3 already present\n",
		"  Doc d1 [11,17) actor: … met [Lavrov]. Лав…\n",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("Summary lacks %q:\n%s", want, sum)
		}
	}
	if strings.Contains(sum, "Doc d3") {
		t.Errorf("Summary lists a document without hits:\n%s", sum)
	}
}

func TestPlanPreviewAll(t *testing.T) {
	p := NewPlan(nil, -1, 3)
	text := strings.Repeat("ab ", 50)
	p.Offer("d", text, mustLiteral(t, "ab", Options{}).FindAll(text), "x")
	if len(p.New) != 50 || len(p.Preview) != 50 || p.Present != 0 {
		t.Errorf("New %d, Preview %d, Present %d; want 50, 50, 0", len(p.New), len(p.Preview), p.Present)
	}
}
