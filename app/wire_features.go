package app

// Some menu items need more of the project than app.Project: the team
// features (merging coders' files, comparing, agreement, curation) assert
// optional interfaces (annotate.Merger, annotate.Team, agreementSource). A
// project without them says so when the item is chosen, instead of doing
// nothing (or failing). Both stores have the team features; a server
// project has no annotate.Merger (merging coders' files works on files).

// optionalActions makes the menu actions whose feature the open project
// lacks explain that, rather than run.
func (g *Gloss) optionalActions(a *menuActions) {
	need := func(act *func(), what string, has func() bool) {
		run := *act
		*act = func() {
			if !has() {
				g.lacking(what)
				return
			}
			run()
		}
	}
	team := func() bool { return g.s.team() != nil }
	study := func() bool { return g.s.agreementSource() != nil }
	need(&a.merge, "Merging coders' files", func() bool { return g.merge.merger() != nil })
	need(&a.compare, "Comparing annotators", team)
	need(&a.agreement, "Agreement", study)
	need(&a.curation, "Curation", study)
	curateAuto := a.curateAuto
	a.curateAuto = func(st string) {
		if !study() {
			g.lacking("Curation")
			return
		}
		curateAuto(st)
	}
}

// lacking tells that the open project cannot do what.
func (g *Gloss) lacking(what string) {
	which := "this project"
	if g.s.p != nil && isServerAddress(g.s.p.Path()) {
		which = "a server project"
	}
	showInformation(g.win, what, what+" works on project files (.gloss): "+which+" cannot do it yet.")
}
