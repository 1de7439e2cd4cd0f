package store

import (
	"fmt"
	"testing"

	"gloss/annotate"
)

// sampleProject holds 1,000 documents: 600 from "tass", 300 from "xinhua",
// 100 without a source field.
func sampleProject(t *testing.T) *Store {
	s := newProject(t)
	var docs []*annotate.Document
	for i := 0; i < 1000; i++ {
		d := annotate.NewDocument(fmt.Sprintf("doc %04d", i), fmt.Sprintf("text %d", i), "")
		switch {
		case i%10 < 6:
			d.Metadata = map[string]any{"outlet": "tass"}
		case i%10 < 9:
			d.Metadata = map[string]any{"outlet": "xinhua"}
		}
		docs = append(docs, d)
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	return s
}

func sampleIDs(t *testing.T, s *Store) []string {
	t.Helper()
	list, err := s.Sample()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range list {
		ids = append(ids, e.DocumentID)
	}
	return ids
}

// TestSampleReproducibleAndStratified: the same seed draws the same
// sample (order too), another seed another; strata get proportional
// shares; a redraw replaces the sample.
func TestSampleReproducibleAndStratified(t *testing.T) {
	s := sampleProject(t)
	o := SampleOptions{N: 50, Seed: 7, By: "outlet"}
	res, err := s.DrawSample(o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Drawn != 50 || res.Strata["tass"] != 30 || res.Strata["xinhua"] != 15 || res.Strata[""] != 5 {
		t.Fatalf("strata %+v: want 30/15/5", res)
	}
	first := sampleIDs(t, s)
	if _, err := s.DrawSample(SampleOptions{N: 50, Seed: 8, By: "outlet"}); err != nil {
		t.Fatal(err)
	}
	other := sampleIDs(t, s)
	if _, err := s.DrawSample(o); err != nil {
		t.Fatal(err)
	}
	again := sampleIDs(t, s)
	if fmt.Sprint(first) != fmt.Sprint(again) || len(again) != 50 {
		t.Error("the same seed drew another sample")
	}
	if fmt.Sprint(first) == fmt.Sprint(other) {
		t.Error("another seed drew the same sample")
	}
	// Each sampled document is in the stratum it is listed in.
	list, _ := s.Sample()
	for _, e := range list {
		d, _ := s.Document(e.DocumentID)
		if v, _ := d.Metadata["outlet"].(string); v != e.Stratum {
			t.Fatalf("%s listed in stratum %q, its outlet is %q", e.Title, e.Stratum, v)
		}
	}
	// 7 of 1,000 by 3 strata of 600/300/100: 4.2, 2.1, 0.7 -> 4, 2, 1.
	res, err = s.DrawSample(SampleOptions{N: 7, Seed: 1, By: "outlet"})
	if err != nil || res.Strata["tass"] != 4 || res.Strata["xinhua"] != 2 || res.Strata[""] != 1 {
		t.Fatalf("largest remainder: %+v %v", res, err)
	}
	if n, _ := s.Count(annotate.DocFilter{Sample: true}); n != 7 {
		t.Errorf("sample filter counts %d, want 7", n)
	}
}

// TestSampleAssignment: the first K documents drawn go to every annotator,
// each other one to exactly one, in turn; the Pager's assignment filter
// lists exactly one's assignment.
func TestSampleAssignment(t *testing.T) {
	s := sampleProject(t)
	res, err := s.DrawSample(SampleOptions{N: 40, Seed: 3, Assign: []string{"ann", "bo", "cy"}, Overlap: 10})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Sample()
	overlap := 0
	per := map[string]map[string]bool{}
	for _, e := range list {
		if e.Overlap {
			overlap++
			if len(e.Annotators) != 3 {
				t.Errorf("overlap document %s coded by %v", e.Title, e.Annotators)
			}
		} else if len(e.Annotators) != 1 {
			t.Errorf("document %s coded by %v, want one annotator", e.Title, e.Annotators)
		}
		for _, a := range e.Annotators {
			if per[a] == nil {
				per[a] = map[string]bool{}
			}
			per[a][e.DocumentID] = true
		}
	}
	if overlap != 10 || res.Assigned["ann"] != 20 || res.Assigned["bo"] != 20 || res.Assigned["cy"] != 20 {
		t.Fatalf("overlap %d, assigned %v: want 10 and 10+10 each", overlap, res.Assigned)
	}
	for a, want := range per {
		var got []annotate.DocumentInfo
		var cur annotate.Cursor
		for !cur.Done {
			page, next, err := s.DocumentsPage(cur, 8, annotate.DocFilter{AssignedTo: a, Sample: true}, annotate.DocSort{By: annotate.SortTitle})
			if err != nil {
				t.Fatal(err)
			}
			got, cur = append(got, page...), next
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d listed, %d assigned", a, len(got), len(want))
		}
		for _, d := range got {
			if !want[d.ID] {
				t.Errorf("%s: %s listed but not assigned", a, d.Title)
			}
		}
	}
}

// TestSampleRefusals: bad sizes, overlaps and names are clear errors that
// leave the previous sample.
func TestSampleRefusals(t *testing.T) {
	s := sampleProject(t)
	if _, err := s.DrawSample(SampleOptions{N: 5, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []SampleOptions{
		{N: 0}, {N: 1001}, {N: 5, Overlap: 6, Assign: []string{"a", "b"}}, {N: 5, Overlap: 2, Assign: []string{"a"}},
		{N: 5, Assign: []string{"a", "a"}}, {N: 5, Assign: []string{"a", ""}},
	} {
		if _, err := s.DrawSample(o); annotate.ErrorCode(err) != annotate.EINVALID {
			t.Errorf("%+v: %v", o, err)
		}
	}
	if n := len(sampleIDs(t, s)); n != 5 {
		t.Errorf("a refused draw changed the sample: %d documents", n)
	}
}
