package formats

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strconv"
	"testing"
)

func TestCSVRoundTrip(t *testing.T) {
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			_, rep, out := exportRead(t, "csv", "out.csv", src)
			records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(records[0], csvHeader) {
				t.Errorf("header %v", records[0])
			}
			got := map[string][]spanRow{}
			for _, r := range records[1:] {
				start, err1 := strconv.Atoi(r[2])
				end, err2 := strconv.Atoi(r[3])
				if err1 != nil || err2 != nil {
					t.Fatalf("row %v: bad offsets", r)
				}
				got[r[0]] = append(got[r[0]], spanRow{Start: start, End: end, Label: r[4], Text: r[5], Note: r[6], Annotator: r[7]})
			}
			empty := 0
			for _, d := range src.docs {
				want := sourceRows(src, d, true, same)
				if len(want) == 0 {
					empty++
					continue
				}
				if have := sortRows(got[d.ID]); !reflect.DeepEqual(have, want) {
					t.Errorf("document %q rows\n got %v\nwant %v", d.Title, have, want)
				}
			}
			if rep.Dropped["documents without spans"] != empty {
				t.Errorf("dropped %v, want %d documents without spans", rep.Dropped, empty)
			}
			if tc.name == "generated corpus" && rep.Dropped[dropGroups] != 1 {
				t.Errorf("dropped %v, want 1 discontinuous link", rep.Dropped)
			}
		})
	}
}
