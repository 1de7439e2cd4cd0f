package pgstore

import (
	"fmt"
	"testing"

	"gloss/annotate"
)

func TestAnnotatorWritesOnlyTheirLayer(t *testing.T) {
	tm := newTeam(t)
	if tm.alice.Kind() != KindAnnotator || tm.alice.Annotator() != "alice" || tm.admin.Kind() != "" {
		t.Fatalf("alice opened as %q (%q), the set-up user as %q", tm.alice.Annotator(), tm.alice.Kind(), tm.admin.Kind())
	}
	mine := annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)
	if err := tm.alice.AddSpan(mine); err != nil {
		t.Fatal(err)
	}
	if got := annotators(t, tm.admin, tm.doc.ID); got != "alice" {
		t.Fatalf("after alice's add the project has spans of %q", got)
	}
	if _, err := tm.alice.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := annotators(t, tm.admin, tm.doc.ID); got != "" {
		t.Fatalf("after alice's undo the project has spans of %q", got)
	}
	if _, err := tm.alice.Redo(); err != nil {
		t.Fatal(err)
	}
	if err := tm.alice.SetStatus(tm.doc.ID, annotate.StatusDone); err != nil {
		t.Fatalf("alice cannot set her status: %v", err)
	}

	forged := annotate.NewSpan(tm.doc.ID, 6, 11, tm.label.ID)
	forged.Annotator = "bob"
	wantForbidden(t, tm.alice.AddSpan(forged), "alice is an annotator in this project and cannot write spans in the layer of bob")

	// Without Gloss, through a connection of her own, the server refuses too.
	c := tm.raw(t, "alice")
	_, err := c.Exec(ctxb, `INSERT INTO spans(id, document_id, start, "end", label_id, annotator, created_at, updated_at)
		VALUES ('forged', $1, 6, 11, $2, 'bob', 'now', 'now')`, tm.doc.ID, tm.label.ID)
	wantRefused(t, err, "alice is an annotator in this project and cannot write spans in the layer of bob")
	_, err = c.Exec(ctxb, `INSERT INTO events(at, annotator, action) VALUES ('now', 'bob', 'add-span')`)
	wantRefused(t, err, "alice is an annotator in this project and cannot write edit log entries in the layer of bob")
	_, err = c.Exec(ctxb, `UPDATE documents SET title = 'mine' WHERE id = $1`, tm.doc.ID)
	wantRefused(t, err, "alice is an annotator in this project and cannot change documents")
	_, err = c.Exec(ctxb, `DELETE FROM events`)
	wantRefused(t, err, "permission denied for table events")
	// Who she is comes from the members table, whatever name she asks for.
	for _, asked := range []string{"bob", Gold} {
		if s := tm.openRole(t, "alice", asked); s.Annotator() != "alice" {
			t.Fatalf("alice asking for %s opened as %q", asked, s.Annotator())
		}
	}
}

func TestAnnotatorChangesNoOneElsesSpans(t *testing.T) {
	tm := newTeam(t)
	theirs := annotate.NewSpan(tm.doc.ID, 6, 11, tm.label.ID)
	if err := tm.bob.AddSpan(theirs); err != nil {
		t.Fatal(err)
	}
	// Blind: bob's span is not there for alice at all.
	wantCode(t, tm.alice.DeleteSpan(theirs.ID), annotate.ENOTFOUND)
	c := tm.raw(t, "alice")
	if tag, err := c.Exec(ctxb, `DELETE FROM spans`); err != nil || tag.RowsAffected() != 0 {
		t.Fatalf("blind alice deleted %v spans (%v)", tag.RowsAffected(), err)
	}
	// Not blind: she sees it and still cannot change it.
	if err := tm.mary.SetBlind(ctxb, false); err != nil {
		t.Fatal(err)
	}
	wantForbidden(t, tm.alice.DeleteSpan(theirs.ID), "alice is an annotator in this project and cannot change the spans of bob")
	moved := *theirs
	moved.Start = 7
	wantForbidden(t, tm.alice.UpdateSpan(&moved), "alice is an annotator in this project and cannot change the spans of bob")
	_, err := c.Exec(ctxb, `UPDATE spans SET annotator = 'alice' WHERE id = $1`, theirs.ID)
	wantRefused(t, err, "alice is an annotator in this project and cannot change the spans of bob")
	_, err = c.Exec(ctxb, `DELETE FROM spans WHERE id = $1`, theirs.ID)
	wantRefused(t, err, "alice is an annotator in this project and cannot change the spans of bob")
	if got := annotators(t, tm.admin, tm.doc.ID); got != "bob" {
		t.Fatalf("the project has spans of %q, want bob's untouched", got)
	}
}

func TestBlindCoding(t *testing.T) {
	tm := newTeam(t)
	gold := tm.openRole(t, "carol", Gold)
	for _, add := range []struct {
		s          *Store
		start, end int
	}{{tm.alice, 0, 5}, {tm.bob, 6, 11}, {tm.carol, 12, 17}, {gold, 18, 23}} {
		if err := add.s.AddSpan(annotate.NewSpan(tm.doc.ID, add.start, add.end, tm.label.ID)); err != nil {
			t.Fatalf("%s: %v", add.s.Annotator(), err)
		}
	}
	if blind, err := tm.alice.Blind(ctxb); err != nil || !blind {
		t.Fatalf("a new project is blind = %v (%v), want true", blind, err)
	}
	for s, want := range map[*Store]string{tm.alice: "alice,gold", tm.bob: "bob,gold",
		tm.carol: "alice,bob,carol,gold", tm.mary: "alice,bob,carol,gold"} {
		if got := annotators(t, s, tm.doc.ID); got != want {
			t.Errorf("blind: %s sees the layers %q, want %q", s.Annotator(), got, want)
		}
	}
	wantForbidden(t, tm.alice.SetBlind(ctxb, false), "alice is an annotator in this project and cannot change the project settings")
	wantForbidden(t, tm.carol.SetBlind(ctxb, false), "carol is a curator in this project and cannot change the project settings")
	if err := tm.mary.SetBlind(ctxb, false); err != nil {
		t.Fatal(err)
	}
	if got := annotators(t, tm.alice, tm.doc.ID); got != "alice,bob,carol,gold" {
		t.Errorf("not blind: alice sees %q, want every layer", got)
	}
	// Statuses and the edit log follow the same rule.
	if err := tm.mary.SetBlind(ctxb, true); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tm.raw(t, "alice").QueryRow(ctxb, `SELECT count(*) FROM events WHERE annotator = 'bob'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("blind alice sees %d of bob's edit log entries (%v)", n, err)
	}
}

func TestCuratorWritesGold(t *testing.T) {
	tm := newTeam(t)
	gold := tm.openRole(t, "carol", Gold)
	if gold.Annotator() != Gold || gold.Kind() != KindCurator {
		t.Fatalf("carol asking for gold opened as %q (%q)", gold.Annotator(), gold.Kind())
	}
	sp := annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)
	if err := gold.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	if err := gold.SetStatus(tm.doc.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if _, err := gold.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := annotators(t, tm.admin, tm.doc.ID); got != "" {
		t.Fatalf("after undoing the gold span the project has spans of %q", got)
	}
	forged := annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)
	forged.Annotator = "bob"
	wantForbidden(t, tm.carol.AddSpan(forged), "carol is a curator in this project and cannot write spans in the layer of bob")
	g := annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)
	g.Annotator = Gold
	wantForbidden(t, tm.alice.AddSpan(g), "alice is an annotator in this project and cannot write spans in the layer of gold")
}

func TestOnlyTheManagerChangesLabelsDocumentsAndMembers(t *testing.T) {
	tm := newTeam(t)
	actor := annotate.NewLabel("actor", "#56B4E9", "2", "")
	wantForbidden(t, tm.alice.AddLabel(actor), "alice is an annotator in this project and cannot change labels")
	wantForbidden(t, tm.carol.AddLabel(actor), "carol is a curator in this project and cannot change labels")
	renamed := *tm.label
	renamed.Name = "assertion"
	wantForbidden(t, tm.bob.UpdateLabel(&renamed), "bob is an annotator in this project and cannot change labels")
	wantForbidden(t, tm.bob.DeleteLabel(tm.label.ID, ""), "bob is an annotator in this project and cannot change labels")
	doc := annotate.NewDocument("Second", "Another text.", "")
	wantForbidden(t, tm.carol.AddDocuments([]*annotate.Document{doc}), "carol is a curator in this project and cannot add or delete documents")
	wantForbidden(t, tm.alice.DeleteDocument(tm.doc.ID), "alice is an annotator in this project and cannot add or delete documents")
	wantForbidden(t, tm.alice.AddMember(ctxb, "dave", "", KindCurator), "alice is an annotator in this project and cannot change the members")
	wantForbidden(t, tm.carol.RemoveMember(ctxb, "alice"), "carol is a curator in this project and cannot change the members")
	ra := tm.raw(t, "alice")
	_, err := ra.Exec(ctxb, `UPDATE labels SET color = '#000000'`)
	wantRefused(t, err, "alice is an annotator in this project and cannot change labels")
	_, err = ra.Exec(ctxb, `INSERT INTO assignments(document_id, annotator) VALUES ($1, 'alice')`, tm.doc.ID)
	wantRefused(t, err, "alice is an annotator in this project and cannot change assignments")
	_, err = ra.Exec(ctxb, `DELETE FROM sample`)
	wantRefused(t, err, "alice is an annotator in this project and cannot change the sample")
	if _, err := tm.raw(t, "mary").Exec(ctxb, `INSERT INTO assignments(document_id, annotator) VALUES ($1, 'alice')`, tm.doc.ID); err != nil {
		t.Fatalf("mary cannot assign a document: %v", err)
	}
	var assigned int
	if err := ra.QueryRow(ctxb, `SELECT count(*) FROM assignments`).Scan(&assigned); err != nil || assigned != 1 {
		t.Fatalf("alice sees %d assignments (%v), want 1", assigned, err)
	}

	if err := tm.alice.AddSpan(annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)); err != nil {
		t.Fatal(err)
	}
	if err := tm.mary.AddLabel(actor); err != nil {
		t.Fatal(err)
	}
	if err := tm.mary.AddDocuments([]*annotate.Document{doc}); err != nil {
		t.Fatal(err)
	}
	// Deleting a label moves the spans of every layer that carry it.
	if err := tm.mary.DeleteLabel(tm.label.ID, actor.ID); err != nil {
		t.Fatal(err)
	}
	spans, err := tm.alice.Spans(tm.doc.ID)
	if err != nil || len(spans) != 1 || spans[0].LabelID != actor.ID {
		t.Fatalf("alice's spans after mary moved them: %v (%v)", spans, err)
	}
	if _, err := tm.mary.Undo(); err != nil {
		t.Fatal(err)
	}
	spans, err = tm.alice.Spans(tm.doc.ID)
	if err != nil || len(spans) != 1 || spans[0].LabelID != tm.label.ID {
		t.Fatalf("alice's spans after mary undid the deletion: %v (%v)", spans, err)
	}
	if err := tm.mary.DeleteLabel(tm.label.ID, actor.ID); err != nil {
		t.Fatal(err)
	}
	wantForbidden(t, tm.mary.AddSpan(annotate.NewSpan(tm.doc.ID, 0, 5, actor.ID)), "mary is a manager in this project and cannot annotate: a manager only moves spans to another label")
	if err := tm.mary.AddMember(ctxb, "dave", "david", KindAnnotator); err != nil {
		t.Fatal(err)
	}
	members, err := tm.mary.Members(ctxb)
	if err != nil || len(members) != 5 || members[3] != (Member{"dave", "david", KindAnnotator}) {
		t.Fatalf("members: %v (%v)", members, err)
	}
	if err := tm.mary.RemoveMember(ctxb, "dave"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, tm.mary.RemoveMember(ctxb, "dave"), annotate.ENOTFOUND)
	wantCode(t, tm.mary.AddMember(ctxb, "bob", "robert", KindCurator), annotate.ECONFLICT)
	wantCode(t, tm.mary.AddMember(ctxb, "dave", "alice", KindCurator), annotate.ECONFLICT)
	wantCode(t, tm.mary.AddMember(ctxb, "nosuchrole", "", KindCurator), annotate.ENOTFOUND)
	wantCode(t, tm.mary.AddMember(ctxb, "dave", Gold, KindCurator), annotate.EINVALID)
	wantCode(t, tm.mary.AddMember(ctxb, "dave", "", "boss"), annotate.EINVALID)
	wantCode(t, tm.mary.AddMember(ctxb, "postgres", "", KindAnnotator), annotate.EINVALID)
}

func TestNonMemberCanDoNothing(t *testing.T) {
	tm := newTeam(t)
	if err := tm.alice.AddSpan(annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctxb, tm.roleURL("dave"), Options{})
	wantForbidden(t, err, Redact(tm.roleURL("dave"))+": the role dave is not a member of this project: its manager adds members (gloss-cli member add)")
	c := tm.raw(t, "dave")
	for _, table := range []string{"spans", "labels", "documents", "events", "document_status"} {
		var n int
		if err := c.QueryRow(ctxb, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("dave sees %d rows of %s (%v)", n, table, err)
		}
	}
	_, err = c.Exec(ctxb, `INSERT INTO labels(id, name, key, color, ord) VALUES ('x', 'x', 'x', '#000000', 9)`)
	wantRefused(t, err, "dave is not a member of this project and cannot change labels")
	_, err = c.Exec(ctxb, `INSERT INTO gloss_members(role, annotator, kind, added_at) VALUES ('dave', 'dave', 'manager', 'now')`)
	wantRefused(t, err, "dave is not a member of this project and cannot change the members")
	_, err = c.Exec(ctxb, `INSERT INTO spans(id, document_id, start, "end", label_id, annotator, created_at, updated_at)
		VALUES ('forged', $1, 6, 11, $2, 'dave', 'now', 'now')`, tm.doc.ID, tm.label.ID)
	wantRefused(t, err, `new row violates row-level security policy for table "spans"`)
	if tag, err := c.Exec(ctxb, `DELETE FROM spans`); err != nil || tag.RowsAffected() != 0 {
		t.Fatalf("dave deleted %d spans (%v)", tag.RowsAffected(), err)
	}
	// A temporary table cannot stand in for the members table.
	if _, err := c.Exec(ctxb, `CREATE TEMP TABLE gloss_members(role text, annotator text, kind text, added_at text);
		INSERT INTO gloss_members VALUES ('dave', 'dave', 'manager', 'now')`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := c.QueryRow(ctxb, `SELECT count(*) FROM public.spans`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("dave with a temporary members table sees %d spans (%v)", n, err)
	}
}

func TestOnlyTheSetUpRoleUpgradesTheSchema(t *testing.T) {
	tm := newTeam(t)
	// Make the project look one migration older than this Gloss.
	c := tm.raw(t, "postgres")
	if _, err := c.Exec(ctxb, `DELETE FROM gloss_migrations WHERE version = (SELECT max(version) FROM gloss_migrations)`); err != nil {
		t.Fatal(err)
	}
	last := migrations()[len(migrations())-1]
	_, err := Open(ctxb, tm.roleURL("mary"), Options{})
	wantForbidden(t, err, fmt.Sprintf("%s has an older schema (%d) that this Gloss must upgrade (migration %03d_%s), and only the role that set the project up may change it: ask them to open it once with this Gloss",
		Redact(tm.roleURL("mary")), last.version-1, last.version, last.name))
}
