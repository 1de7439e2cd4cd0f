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

// recentProjects returns the recent project paths, most recent first.
func (g *Gloss) recentProjects() []string {
	return g.app.Preferences().StringListWithFallback(prefRecent, nil)
}

// rememberProject records path as the last opened project and moves it to
// the front of the recent list.
func (g *Gloss) rememberProject(path string) {
	prefs := g.app.Preferences()
	prefs.SetString(prefLastProject, path)
	list := []string{path}
	for _, p := range prefs.StringListWithFallback(prefRecent, nil) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs.SetStringList(prefRecent, list)
}
