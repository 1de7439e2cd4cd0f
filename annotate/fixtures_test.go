package annotate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// fixture returns the path of a shared fixture, skipping the test when the
// shared folder is not beside the repository.
func fixture(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "fixtures", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("fixture %s not available: %v", rel, err)
	}
	return p
}

// edgeSpan is one span of edge-cases.expected.json.
type edgeSpan struct {
	Start, End  int
	Label, Text string
	UTF8Start   int `json:"utf8_start"`
	UTF8End     int `json:"utf8_end"`
	UTF16Start  int `json:"utf16_start"`
	UTF16End    int `json:"utf16_end"`
}

// edgeCases loads the Unicode fixture text and its expected spans.
func edgeCases(t testing.TB) (string, string, []edgeSpan) {
	t.Helper()
	text, err := os.ReadFile(fixture(t, "unicode/edge-cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(fixture(t, "unicode/edge-cases.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		SHA   string `json:"text_sha256"`
		Spans []edgeSpan
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	return string(text), exp.SHA, exp.Spans
}
