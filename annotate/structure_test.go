package annotate

import "testing"

func TestRelationTypeAllows(t *testing.T) {
	says := &RelationType{Name: "says", Directed: true, FromLabels: []string{"actor"}, ToLabels: []string{"claim"}}
	if !says.Allows("Actor", "claim") || says.Allows("claim", "actor") || says.Allows("actor", "prediction") {
		t.Error("directed type allows the wrong label pairs")
	}
	if err := says.CheckLabels("claim", "actor"); ErrorCode(err) != EINVALID {
		t.Errorf("CheckLabels(claim, actor) = %v, want an invalid error", err)
	}
	same := &RelationType{Name: "same", FromLabels: []string{"actor"}, ToLabels: []string{"claim"}}
	if !same.Allows("claim", "actor") {
		t.Error("an undirected type refuses the reverse pair")
	}
	if f, to := same.Roles(); f != "Arg1" || to != "Arg2" {
		t.Errorf("default roles %s, %s", f, to)
	}
	for _, bad := range []*RelationType{{Name: ""}, {Name: "a", Color: "red"}, {Name: "a", FromRole: "x", ToRole: "x"}, {Name: "a", FromRole: "a b"}} {
		if ErrorCode(bad.Validate()) != EINVALID {
			t.Errorf("%+v validated", bad)
		}
	}
}

func TestAttributeDef(t *testing.T) {
	cert := &AttributeDef{Name: "certainty", Kind: AttrChoice, Values: []string{"low", "high"}}
	if err := cert.Validate(); err != nil {
		t.Fatal(err)
	}
	if cert.CheckValue("high") != nil || cert.CheckValue("") != nil || ErrorCode(cert.CheckValue("medium")) != EINVALID {
		t.Error("choice values checked wrongly")
	}
	neg := &AttributeDef{Name: "Negation", Kind: AttrBool}
	if neg.CheckValue(AttrTrue) != nil || ErrorCode(neg.CheckValue("yes")) != EINVALID {
		t.Error("bool values checked wrongly")
	}
	for _, bad := range []*AttributeDef{{Name: "x", Kind: "number"}, {Name: "x", Kind: AttrChoice}, {Name: "x", Kind: AttrChoice, Values: []string{"a", "a"}}, {Name: "x", Kind: AttrBool, Scope: "doc"}} {
		if ErrorCode(bad.Validate()) != EINVALID {
			t.Errorf("%+v validated", bad)
		}
	}
	defs := []*AttributeDef{{Name: "n", Label: ""}, {Name: "n", Label: "claim"}}
	if FindAttributeDef(defs, "Claim", "n") != defs[1] || FindAttributeDef(defs, "actor", "n") != defs[0] || FindAttributeDef(defs, "x", "m") != nil {
		t.Error("FindAttributeDef picks the wrong definition")
	}
}

func TestCheckEvents(t *testing.T) {
	spans := map[string]bool{"t1": true, "t2": true}
	e1 := &TextEvent{ID: "e1", DocumentID: "d", Type: "Merge", Trigger: "t1", Args: []EventArg{{"Org", "t2"}}}
	e2 := &TextEvent{ID: "e2", DocumentID: "d", Type: "Report", Trigger: "t2", Args: []EventArg{{"Event", "e1"}}}
	if err := CheckEvents([]*TextEvent{e1, e2}, spans); err != nil {
		t.Fatal(err)
	}
	e1.Args = append(e1.Args, EventArg{"Event", "e2"})
	if err := CheckEvents([]*TextEvent{e1, e2}, spans); ErrorCode(err) != EINVALID {
		t.Errorf("a cycle of events: %v", err)
	}
	e1.Args = []EventArg{{"Org", "t9"}}
	if err := CheckEvents([]*TextEvent{e1}, spans); ErrorCode(err) != ENOTFOUND {
		t.Errorf("an argument naming nothing: %v", err)
	}
}

func TestCategorySet(t *testing.T) {
	c := &CategorySet{Name: "stance", Values: []string{"pro", "contra"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Check([]string{"pro"}) != nil || ErrorCode(c.Check([]string{"pro", "contra"})) != EINVALID || ErrorCode(c.Check([]string{"maybe"})) != EINVALID {
		t.Error("single-choice set checked wrongly")
	}
	c.Multi = true
	if c.Check([]string{"pro", "contra"}) != nil || ErrorCode(c.Check([]string{"pro", "pro"})) != EINVALID {
		t.Error("multi-choice set checked wrongly")
	}
}

func TestNoteEquivNormValidate(t *testing.T) {
	if (&Note{Type: "Lemma", Target: "t", DocumentID: "d"}).Validate() != nil || (&Note{Type: "a b", Target: "t", DocumentID: "d"}).Validate() == nil {
		t.Error("note types checked wrongly")
	}
	if (&Equiv{Type: "Equiv", Members: []string{"a"}}).Validate() == nil {
		t.Error("a one-member equivalence set validated")
	}
	if (&Norm{Target: "t", DocumentID: "d", Resource: "Wikipedia", EntryID: "1"}).Validate() != nil || (&Norm{Target: "t", DocumentID: "d", Resource: "W:x"}).Validate() == nil {
		t.Error("norms checked wrongly")
	}
}
