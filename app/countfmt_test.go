package app

import "testing"

func TestCountTextGroupsDigits(t *testing.T) {
	for n, want := range map[int]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345", 100000: "100,000",
		1000000: "1,000,000", 1234567890: "1,234,567,890", -1500: "-1,500", -999: "-999",
	} {
		if got := countText(n); got != want {
			t.Errorf("countText(%d) = %q, want %q", n, got, want)
		}
	}
	if got := plural(1000000, "document"); got != "1,000,000 documents" {
		t.Errorf("plural(1000000) = %q", got)
	}
	if got := plural(1, "document"); got != "1 document" {
		t.Errorf("plural(1) = %q", got)
	}
}
