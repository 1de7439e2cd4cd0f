package textview

import (
	"time"

	"fyne.io/fyne/v2"
)

// flashDuration is how long Flash emphasises a span.
const flashDuration = 900 * time.Millisecond

// Flash briefly emphasises the span with this ID, for instance after it was
// created or picked from a list. It does not scroll: call ScrollToOffset
// first when the span may be off screen.
func (v *TextView) Flash(spanID string) {
	if v.flashAnim != nil {
		v.flashAnim.Stop()
	}
	v.flashID, v.flashLevel = spanID, 1
	v.flashAnim = fyne.NewAnimation(flashDuration, func(f float32) {
		v.flashLevel = 1 - f
		if f >= 1 {
			v.flashID, v.flashAnim = "", nil
		}
		v.Refresh()
	})
	v.flashAnim.Curve = fyne.AnimationEaseIn
	v.flashAnim.Start()
}
