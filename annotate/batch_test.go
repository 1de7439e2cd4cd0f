package annotate

import "testing"

func TestBatchAppendMergesSkipped(t *testing.T) {
	a := &Batch{}
	a.Skip("relations", 2)
	b := &Batch{}
	b.Skip("relations", 1)
	b.Skip("events", 4)
	b.Skip("nothing", 0)
	a.Append(b)
	if a.Skipped["relations"] != 3 || a.Skipped["events"] != 4 || len(a.Skipped) != 2 {
		t.Errorf("Skipped = %v", a.Skipped)
	}
}
