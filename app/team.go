package app

import (
	"gloss/annotate"
	"gloss/annotate/agree"
)

// agreementSource is a project that builds agreement studies (the store's
// AgreementStudy) and curates its gold layer.
type agreementSource interface {
	// AgreementStudy builds the study: scope "done" (documents every
	// compared annotator marked done) or "all"; annotators and labels nil
	// for every annotator with spans except gold, every label they used.
	AgreementStudy(scope string, annotators, labels []string) (agree.Study, error)
	annotate.Curator
}

// agreementSource returns the open project as an agreementSource, or nil.
func (s *session) agreementSource() agreementSource {
	a, _ := s.p.(agreementSource)
	return a
}

// The team features (annotators, layers, agreement, curation, merging) ask
// the project for more than Project: each asserts the interface it needs,
// and a project without it gets no such feature.

// team returns the open project as an annotate.Team, or nil.
func (s *session) team() annotate.Team {
	t, _ := s.p.(annotate.Team)
	return t
}

// annotator is the open project's annotator ("" when the project has none).
func (s *session) annotator() string {
	if t := s.team(); t != nil {
		return t.Annotator()
	}
	return ""
}

// annotators lists every annotator with spans, sorted.
func (s *session) annotators() []string {
	t := s.team()
	if t == nil {
		return nil
	}
	names, err := t.Annotators()
	if err != nil {
		return nil
	}
	return names
}
