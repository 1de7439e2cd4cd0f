package app

// Preference keys, read with the WithFallback getters.
const (
	prefLastProject = "lastProject"    // path of the project opened last
	prefRecent      = "recentProjects" // string list, most recent first
	prefTextScale   = "textScale"      // text view zoom factor
	prefSnapWords   = "snapToWords"    // selections snap to word boundaries
)

// Defaults and limits for the preferences above.
const (
	maxRecent        = 8
	defaultTextScale = 1.0
	minTextScale     = 0.6
	maxTextScale     = 3.0
	textScaleStep    = 0.1
)
