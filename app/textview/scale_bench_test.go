package textview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkScaleDocument measures how first paint, an edit and a page of
// scrolling grow with the document: 100 kB, 1 MB and 5 MB, with one span per
// 100 bytes, for the growth table of docs/performance.md.
func BenchmarkScaleDocument(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 5 << 20} {
		text, spans, labels := benchDoc(size, size/100)
		name := fmt.Sprintf("%dkB", size>>10)
		b.Run("FirstPaint/"+name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				test.NewTempApp(b)
				fyne.MeasureText("warm up the font", 14, fyne.TextStyle{})
				w := test.NewWindow(nil)
				b.StartTimer()
				v := New()
				v.SetDocument(text, spans, labels)
				w.SetContent(v)
				w.Resize(fyne.NewSize(900, 700))
				b.StopTimer()
				w.Close()
				b.StartTimer()
			}
		})
		b.Run("ApplySpan/"+name, func(b *testing.B) {
			v, _ := newView(b, text, spans, labels)
			v.ScrollToOffset(len(v.Runes()) / 2)
			top := v.OffsetAt(fyne.NewPos(0, 0))
			all := spans[:len(spans):len(spans)]
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s := *spans[0]
				s.ID, s.Start, s.End = "new", top+i%50, top+i%50+12
				v.SetSpans(append(all, &s))
			}
		})
		b.Run("ScrollPage/"+name, func(b *testing.B) {
			v, _ := newView(b, text, spans, labels)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
				if i%200 == 199 {
					v.ScrollToOffset(0)
				}
			}
		})
	}
}
