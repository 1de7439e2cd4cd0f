package annotate

// TextEvent is an event annotated in a text (brat's E lines): a trigger
// span and role arguments (Theme, Cause, Org-Arg2, ...), each pointing at a
// span or at another event of the same document. The name keeps it apart
// from Event, an entry of the edit log.
type TextEvent struct {
	ID         string            `json:"id"`
	DocumentID string            `json:"document_id"`
	Type       string            `json:"type"`
	Trigger    string            `json:"trigger"` // span ID
	Args       []EventArg        `json:"args"`
	Annotator  string            `json:"annotator"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// EventArg is one argument of an event.
type EventArg struct {
	Role string `json:"role"`
	Ref  string `json:"ref"` // span or event ID
}

// Validate checks the event's type, trigger and arguments.
func (e *TextEvent) Validate() error {
	if e.ID == "" || e.DocumentID == "" {
		return Errorf(EINVALID, "event %q has no id or document", e.Type)
	}
	if err := checkName("event type", e.Type); err != nil {
		return err
	}
	if e.Trigger == "" {
		return Errorf(EINVALID, "event %s (%s) has no trigger span", e.ID, e.Type)
	}
	for i, a := range e.Args {
		if a.Role == "" || a.Ref == "" {
			return Errorf(EINVALID, "event %s (%s): argument %d needs a role and a span or event", e.ID, e.Type, i+1)
		}
	}
	return nil
}

// CheckEvents checks that every argument of events refers to a span in
// spans or to another of the events, and that no event contains itself
// through its arguments. spans holds the IDs of the document's spans.
func CheckEvents(events []*TextEvent, spans map[string]bool) error {
	byID := map[string]*TextEvent{}
	for _, e := range events {
		if err := e.Validate(); err != nil {
			return err
		}
		if byID[e.ID] != nil {
			return Errorf(EINVALID, "event id %s is used twice", e.ID)
		}
		byID[e.ID] = e
	}
	for _, e := range events {
		if !spans[e.Trigger] {
			return Errorf(ENOTFOUND, "event %s (%s): no trigger span %s", e.ID, e.Type, e.Trigger)
		}
		for _, a := range e.Args {
			if !spans[a.Ref] && byID[a.Ref] == nil {
				return Errorf(ENOTFOUND, "event %s (%s): argument %s names %s, which is no span or event", e.ID, e.Type, a.Role, a.Ref)
			}
		}
	}
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(e *TextEvent) error
	visit = func(e *TextEvent) error {
		switch state[e.ID] {
		case 1:
			return Errorf(EINVALID, "event %s (%s) contains itself through its arguments", e.ID, e.Type)
		case 2:
			return nil
		}
		state[e.ID] = 1
		for _, a := range e.Args {
			if sub := byID[a.Ref]; sub != nil {
				if err := visit(sub); err != nil {
					return err
				}
			}
		}
		state[e.ID] = 2
		return nil
	}
	for _, e := range events {
		if err := visit(e); err != nil {
			return err
		}
	}
	return nil
}
