package store

import (
	"encoding/json"
	"testing"

	"gloss/annotate"
)

func TestSetMetadata(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "Talks", "Moscow and Beijing talk.")
	md := map[string]any{"source": "Reuters", "id": json.Number("1234567890123456789")}
	if err := s.SetMetadata(d.ID, md); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Metadata["source"] != "Reuters" || got.Metadata["id"] != json.Number("1234567890123456789") {
		t.Fatalf("metadata %v", got.Metadata)
	}
	var n int
	if err := s.rdb.QueryRow(`SELECT count(*) FROM events WHERE action = ? AND document_id = ?`, ActionSetMetadata, d.ID).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d set-metadata events (%v), want 1", n, err)
	}
	if err := s.SetMetadata(d.ID, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Document(d.ID); len(got.Metadata) != 0 {
		t.Fatalf("cleared metadata is %v", got.Metadata)
	}
}

func TestSetMetadataErrors(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "Talks", "Moscow and Beijing talk.")
	if err := s.SetMetadata("nope", map[string]any{"a": "b"}); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("unknown document: %v, want ENOTFOUND", err)
	}
	if err := s.SetMetadata(d.ID, map[string]any{" ": "b"}); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("blank key: %v, want EINVALID", err)
	}
	if got, _ := s.Document(d.ID); len(got.Metadata) != 0 {
		t.Errorf("a refused edit changed the metadata: %v", got.Metadata)
	}
}
