package unitext

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"gloss/internal/fixture"
)

func TestOffsetsTable(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		cp        int
		wantByte  int
		wantUTF16 int
	}{
		{"ascii start", "hello", 0, 0, 0},
		{"ascii end", "hello", 5, 5, 5},
		{"accented", "café au lait", 5, 6, 5},
		{"combining accent counts twice", "cafe\u0301!", 5, 6, 5},
		{"emoji is two UTF-16 units", "a🤝b", 2, 5, 3},
		{"ZWJ family", "👨\u200d👩\u200d👧 x", 5, 18, 8},
		{"CJK", "北京 ok", 2, 6, 2},
		{"CRLF counts the CR", "a\r\nb", 3, 3, 3},
		{"empty text", "", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := NewOffsets(tt.text)
			if got := o.Byte(tt.cp); got != tt.wantByte {
				t.Errorf("Byte(%d) = %d, want %d", tt.cp, got, tt.wantByte)
			}
			if got := o.UTF16(tt.cp); got != tt.wantUTF16 {
				t.Errorf("UTF16(%d) = %d, want %d", tt.cp, got, tt.wantUTF16)
			}
			if got, err := o.FromByte(tt.wantByte); err != nil || got != tt.cp {
				t.Errorf("FromByte(%d) = %d, %v; want %d", tt.wantByte, got, err, tt.cp)
			}
			if got, err := o.FromUTF16(tt.wantUTF16); err != nil || got != tt.cp {
				t.Errorf("FromUTF16(%d) = %d, %v; want %d", tt.wantUTF16, got, err, tt.cp)
			}
		})
	}
}

func TestOffsetsRejectInsideCharacter(t *testing.T) {
	o := NewOffsets("a🤝b")
	if _, err := o.FromByte(2); !errors.Is(err, ErrOffset) {
		t.Errorf("FromByte inside a 4-byte character: err = %v, want ErrOffset", err)
	}
	if _, err := o.FromUTF16(2); !errors.Is(err, ErrOffset) {
		t.Errorf("FromUTF16 between surrogates: err = %v, want ErrOffset", err)
	}
	if _, err := o.FromByte(-1); err == nil {
		t.Error("FromByte(-1) succeeded")
	}
	if _, err := o.FromUTF16(5); err == nil {
		t.Error("FromUTF16 past the end succeeded")
	}
}

func TestOffsetsFixture(t *testing.T) {
	u := fixture.EdgeCases(t)
	text, spans := u.Text, u.Spans
	if sum := sha256.Sum256([]byte(text)); hex.EncodeToString(sum[:]) != u.SHA256 {
		t.Fatalf("fixture hash %x, want %s", sum, u.SHA256)
	}
	o := NewOffsets(text)
	if o.Len() != u.CodePoints || o.Byte(o.Len()) != u.UTF8Bytes || o.UTF16(o.Len()) != u.UTF16Units {
		t.Errorf("length %d code points, %d bytes, %d UTF-16 units; want %d, %d, %d",
			o.Len(), o.Byte(o.Len()), o.UTF16(o.Len()), u.CodePoints, u.UTF8Bytes, u.UTF16Units)
	}
	for _, s := range spans {
		if got := o.Slice(s.Start, s.End); got != s.Text {
			t.Errorf("[%d,%d) = %q, want %q", s.Start, s.End, got, s.Text)
		}
		if o.Byte(s.Start) != s.UTF8Start || o.Byte(s.End) != s.UTF8End {
			t.Errorf("%q: utf8 [%d,%d), want [%d,%d)", s.Text, o.Byte(s.Start), o.Byte(s.End), s.UTF8Start, s.UTF8End)
		}
		if o.UTF16(s.Start) != s.UTF16Start || o.UTF16(s.End) != s.UTF16End {
			t.Errorf("%q: utf16 [%d,%d), want [%d,%d)", s.Text, o.UTF16(s.Start), o.UTF16(s.End), s.UTF16Start, s.UTF16End)
		}
		if cp, err := o.FromUTF16(s.UTF16End); err != nil || cp != s.End {
			t.Errorf("%q: FromUTF16(%d) = %d, %v", s.Text, s.UTF16End, cp, err)
		}
		if cp, err := o.FromByte(s.UTF8Start); err != nil || cp != s.Start {
			t.Errorf("%q: FromByte(%d) = %d, %v", s.Text, s.UTF8Start, cp, err)
		}
	}
}

// FuzzOffsets checks the conversions against independent computations from
// the standard library for every code point of arbitrary valid text.
func FuzzOffsets(f *testing.F) {
	for _, s := range []string{"", "abc", "a🤝b", "e\u0301\r\nx", "👨\u200d👩\u200d👧", "北京\tМосква"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		o := NewOffsets(s)
		runes := []rune(s)
		if o.Len() != len(runes) {
			t.Fatalf("Len = %d, want %d", o.Len(), len(runes))
		}
		for cp := 0; cp <= len(runes); cp++ {
			wantB := len(string(runes[:cp]))
			wantU := len(utf16.Encode(runes[:cp]))
			if o.Byte(cp) != wantB || o.UTF16(cp) != wantU {
				t.Fatalf("cp %d: byte %d utf16 %d, want %d %d", cp, o.Byte(cp), o.UTF16(cp), wantB, wantU)
			}
			if back, err := o.FromByte(wantB); err != nil || back != cp {
				t.Fatalf("FromByte(%d) = %d, %v, want %d", wantB, back, err, cp)
			}
			if back, err := o.FromUTF16(wantU); err != nil || back != cp {
				t.Fatalf("FromUTF16(%d) = %d, %v, want %d", wantU, back, err, cp)
			}
		}
	})
}

func TestPointsAgreeWithOffsets(t *testing.T) {
	u := fixture.EdgeCases(t)
	text, spans := u.Text, u.Spans
	var cps []int
	for _, s := range spans {
		cps = append(cps, s.End, s.Start) // unsorted, with repeats across spans
	}
	cps = append(cps, 0, RuneLen(text))
	p, o := NewPoints(text, cps), NewOffsets(text)
	for _, cp := range cps {
		if p.Byte(cp) != o.Byte(cp) || p.UTF16(cp) != o.UTF16(cp) {
			t.Errorf("cp %d: points %d/%d, offsets %d/%d", cp, p.Byte(cp), p.UTF16(cp), o.Byte(cp), o.UTF16(cp))
		}
	}
	for _, s := range spans {
		if got := p.Slice(s.Start, s.End); got != s.Text {
			t.Errorf("Slice(%d,%d) = %q, want %q", s.Start, s.End, got, s.Text)
		}
	}
}

// FuzzPoints checks the one-pass conversion against the full index.
func FuzzPoints(f *testing.F) {
	f.Add("a🤝b\r\ncafe\u0301", 1, 3, 7)
	f.Fuzz(func(t *testing.T, s string, a, b, c int) {
		if !utf8.ValidString(s) {
			return
		}
		n := RuneLen(s)
		o := NewOffsets(s)
		var cps []int
		for _, v := range []int{a, b, c} {
			if v < 0 {
				v = -v
			}
			if v < 0 { // MinInt
				v = 0
			}
			cps = append(cps, v%(n+1))
		}
		p := NewPoints(s, cps)
		for _, cp := range cps {
			if p.Byte(cp) != o.Byte(cp) || p.UTF16(cp) != o.UTF16(cp) {
				t.Fatalf("cp %d: points %d/%d, offsets %d/%d", cp, p.Byte(cp), p.UTF16(cp), o.Byte(cp), o.UTF16(cp))
			}
		}
	})
}
