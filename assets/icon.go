package assets

import _ "embed"

//go:embed icon.png
var iconPNG []byte

// IconName is the file name to give the icon resource, for example in
// fyne.NewStaticResource(assets.IconName, assets.Icon()).
const IconName = "icon.png"

// Icon returns the Gloss app icon: a 512x512 PNG rendered from icon.svg.
// The slice is shared; callers must not modify it.
func Icon() []byte {
	return iconPNG
}
