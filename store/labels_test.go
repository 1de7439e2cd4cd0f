package store

import (
	"testing"

	"gloss/annotate"
)

func TestLabelOperations(t *testing.T) {
	s := newProject(t)
	labels, err := s.Labels()
	if err != nil || len(labels) != 3 {
		t.Fatalf("Labels() = %v, %v", labels, err)
	}
	if labels[0].Color == labels[1].Color {
		t.Errorf("palette colours repeat: %s", labels[0].Color)
	}
	tests := []struct {
		name string
		l    annotate.Label
		code string
	}{
		{"duplicate name, other case", annotate.Label{Name: "Claim"}, annotate.ECONFLICT},
		{"hotkey in use", annotate.Label{Name: "event", Hotkey: "1"}, annotate.ECONFLICT},
		{"bad colour", annotate.Label{Name: "event", Color: "#12"}, annotate.EINVALID},
		{"quotes, SQL and emoji are fine", annotate.Label{Name: `x'); DROP TABLE spans;-- "🤝"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.l
			if err := s.AddLabel(&l); annotate.ErrorCode(err) != tt.code {
				t.Fatalf("AddLabel: %v, want code %q", err, tt.code)
			}
		})
	}

	// rename, recolour, re-key
	l := labels[0]
	l.Name, l.Color, l.Hotkey, l.Description = "agent", "#000000", "9", "who acts"
	if err := s.UpdateLabel(l); err != nil {
		t.Fatal(err)
	}
	got, err := s.LabelByName("agent")
	if err != nil || got.Color != "#000000" || got.Hotkey != "9" || got.Description != "who acts" {
		t.Fatalf("after update: %+v, %v", got, err)
	}

	// reorder: reverse
	labels, _ = s.Labels()
	var ids []string
	for i := len(labels) - 1; i >= 0; i-- {
		ids = append(ids, labels[i].ID)
	}
	if err := s.ReorderLabels(ids); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Labels()
	for i := range after {
		if after[i].ID != ids[i] {
			t.Fatalf("order %d = %s, want %s", i, after[i].Name, ids[i])
		}
	}
	if err := s.ReorderLabels(ids[1:]); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("partial reorder: %v", err)
	}
}

func TestDeleteLabelWithSpans(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "Moscow and Beijing met.")
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	s.AddSpan(annotate.NewSpan(d.ID, 0, 6, actor))
	s.AddSpan(annotate.NewSpan(d.ID, 11, 18, actor))
	s.AddSpan(annotate.NewSpan(d.ID, 0, 6, claim)) // would duplicate after the move

	if err := s.DeleteLabel(actor, ""); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("delete in-use label without a target: %v, want ECONFLICT", err)
	}
	if spans, _ := s.Spans(d.ID); len(spans) != 3 {
		t.Fatalf("refused delete changed spans: %d", len(spans))
	}
	if err := s.DeleteLabel(actor, claim); err != nil {
		t.Fatal(err)
	}
	spans, _ := s.Spans(d.ID)
	if len(spans) != 2 {
		t.Fatalf("after move: %d spans, want 2 (one merged into its duplicate)", len(spans))
	}
	for _, sp := range spans {
		if sp.LabelID != claim {
			t.Errorf("span %d-%d still has label %s", sp.Start, sp.End, sp.LabelID)
		}
	}
	if _, err := s.LabelByName("actor"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("label still there: %v", err)
	}
	unused := label(t, s, "prediction")
	if err := s.DeleteLabel(unused, ""); err != nil {
		t.Errorf("delete unused label: %v", err)
	}
}
