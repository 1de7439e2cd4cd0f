package annotate

import (
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		wantErr string
	}{
		{"plain", "hello\nworld", ""},
		{"emoji and CRLF", "a🤝\r\nb", ""},
		{"invalid UTF-8 on line 2", "ok\nbad \xff here", "line 2: invalid UTF-8 at byte 7"},
		{"NUL byte", "a\nb\x00", "line 2: NUL byte"},
		{"truncated sequence", "caf\xc3", "line 1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText(tt.text)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestDocumentValidate(t *testing.T) {
	d := NewDocument("t", "text", "")
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	d.Text = "changed"
	if err := d.Validate(); ErrorCode(err) != EINVALID {
		t.Errorf("stale hash accepted: %v", err)
	}
	d = NewDocument("t", "x", "")
	d.Status = "finished"
	if err := d.Validate(); ErrorCode(err) != EINVALID {
		t.Errorf("unknown status accepted: %v", err)
	}
}

func TestCheckRange(t *testing.T) {
	tests := []struct {
		name       string
		start, end int
		ok         bool
	}{
		{"whole", 0, 5, true},
		{"negative", -1, 2, false},
		{"empty", 2, 2, false},
		{"reversed", 3, 2, false},
		{"past end", 1, 6, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRange(tt.start, tt.end, 5)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckRange(%d,%d,5) = %v", tt.start, tt.end, err)
			}
		})
	}
}

func TestLabelValidate(t *testing.T) {
	tests := []struct {
		name  string
		label Label
		ok    bool
	}{
		{"good", Label{Name: "claim", Color: "#E69F00", Hotkey: "2"}, true},
		{"emoji name", Label{Name: "claim 🤝", Color: "#000000"}, true},
		{"no name", Label{Color: "#000000"}, false},
		{"newline in name", Label{Name: "a\nb", Color: "#000000"}, false},
		{"bad colour", Label{Name: "a", Color: "red"}, false},
		{"long hotkey", Label{Name: "a", Color: "#000000", Hotkey: "12"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.label.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v", err)
			}
		})
	}
}

// TestValidateSeesChangedText: Validate skips hashing a text it has hashed,
// but a text or hash changed after NewDocument is checked again.
func TestValidateSeesChangedText(t *testing.T) {
	d := NewDocument("t", "original text", "")
	d.Text = "original texT"
	if err := d.Validate(); err == nil {
		t.Error("a changed text passed with its old hash")
	}
	d = NewDocument("t", "original text", "")
	d.SHA256 = HashText("other")
	if err := d.Validate(); err == nil {
		t.Error("a wrong hash passed")
	}
	d = NewDocument("t", "original", "")
	d.Text, d.SHA256 = "new text", HashText("new text")
	if err := d.Validate(); err != nil {
		t.Errorf("a changed text with its new hash: %v", err)
	}
}
