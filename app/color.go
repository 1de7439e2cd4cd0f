package app

import (
	"image/color"
	"strconv"
)

// parseColor turns "#RRGGBB" into a colour; anything else is mid grey.
func parseColor(hex string) color.NRGBA {
	if len(hex) != 7 || hex[0] != '#' {
		return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// textOn returns black or white, whichever reads better on background c.
func textOn(c color.NRGBA) color.Color {
	// relative luminance, sRGB approximated by squaring
	lum := 0.2126*sq(c.R) + 0.7152*sq(c.G) + 0.0722*sq(c.B)
	if lum > 0.18 {
		return color.Black
	}
	return color.White
}

func sq(v uint8) float64 { f := float64(v) / 255; return f * f }
