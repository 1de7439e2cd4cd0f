package structimport

import (
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
	"gloss/store/structread"
)

// events stores the batch's events: an event whose ID is already in the
// project's document is taken as present; other IDs that are taken get
// fresh ones. Arguments are resolved to batch events first, then spans.
func (im *structImport) events(events []*annotate.TextEvent, annotator string, res *annotate.ImportResult) error {
	var fresh []*annotate.TextEvent
	for _, e := range events {
		doc := im.doc(e.DocumentID)
		var have string
		if err := im.db.QueryRow(`SELECT document_id FROM text_events WHERE id = ?`, e.ID).Scan(&have); err == nil && have == doc {
			im.eventIDs[e.ID] = e.ID
			continue
		}
		c := *e
		c.DocumentID = doc
		taken := c.ID == ""
		if !taken {
			var err error
			if taken, err = im.exists("text_events", c.ID); err != nil {
				return err
			}
		}
		if taken {
			c.ID = annotate.NewID()
		}
		if c.Annotator == "" {
			c.Annotator = annotator
		}
		im.eventIDs[e.ID] = c.ID
		fresh = append(fresh, &c)
	}
	for _, e := range fresh {
		if err := e.Validate(); err != nil {
			return err
		}
		trigger, err := im.span(e.Trigger, e.DocumentID, fmt.Sprintf("event %s (%s)", e.ID, e.Type))
		if err != nil {
			return err
		}
		if err := im.db.Exec(`INSERT INTO text_events(id, document_id, type, trigger_span, annotator, attrs) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, e.DocumentID, e.Type, trigger, e.Annotator, records.EncodeAttrs(e.Attributes)); err != nil {
			return err
		}
		res.Events++
	}
	for _, e := range fresh {
		for i, a := range e.Args {
			var refSpan, refEvent *string
			if id, ok := im.eventIDs[a.Ref]; ok {
				refEvent = &id
			} else {
				id, err := im.span(a.Ref, e.DocumentID, fmt.Sprintf("event %s (%s), argument %s", e.ID, e.Type, a.Role))
				if err != nil {
					return err
				}
				refSpan = &id
			}
			if err := im.db.Exec(`INSERT INTO event_args(event_id, pos, role, ref_span, ref_event) VALUES (?, ?, ?, ?, ?)`,
				e.ID, i, a.Role, refSpan, refEvent); err != nil {
				return err
			}
		}
	}
	return im.checkEventCycles(fresh)
}

// checkEventCycles refuses events that contain themselves.
func (im *structImport) checkEventCycles(events []*annotate.TextEvent) error {
	docs := map[string]bool{}
	for _, e := range events {
		docs[e.DocumentID] = true
	}
	for doc := range docs {
		evs, err := structread.TextEvents(im.db, doc)
		if err != nil {
			return err
		}
		rows, err := im.db.Query(`SELECT id FROM spans WHERE document_id = ?`, doc)
		if err != nil {
			return err
		}
		spans := map[string]bool{}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			spans[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := annotate.CheckEvents(evs, spans); err != nil {
			return err
		}
	}
	return nil
}

// target resolves the target of a note or normalisation: a batch span,
// relation or event, or one already in the project's document.
func (im *structImport) target(ref, doc, what string) (string, error) {
	if id, ok := im.relIDs[ref]; ok {
		return id, nil
	}
	if id, ok := im.eventIDs[ref]; ok {
		return id, nil
	}
	for _, table := range []string{"relations", "text_events"} {
		if ok, err := im.exists(table, ref); err != nil || ok {
			return ref, err
		}
	}
	return im.span(ref, doc, what)
}

// extras stores notes, equivalence sets and normalisations, leaving out
// those already present (same document, type, target and content). The
// casts give PostgreSQL the parameters' types; in SQLite they change
// nothing (the values are text).
func (im *structImport) extras(b *annotate.Batch) error {
	for _, n := range b.Notes {
		c := *n
		c.DocumentID = im.doc(c.DocumentID)
		var err error
		if c.Target, err = im.target(c.Target, c.DocumentID, fmt.Sprintf("%s note %s", c.Type, c.ID)); err != nil {
			return err
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if err := im.db.Exec(`INSERT INTO notes(id, document_id, type, target, text)
			SELECT ?1, CAST(?2 AS text), CAST(?3 AS text), CAST(?4 AS text), CAST(?5 AS text) WHERE NOT EXISTS (SELECT 1 FROM notes
				WHERE document_id = ?2 AND type = ?3 AND target = ?4 AND text = ?5)`,
			annotate.NewID(), c.DocumentID, c.Type, c.Target, c.Text); err != nil {
			return err
		}
	}
	for _, e := range b.Equivs {
		c := *e
		c.DocumentID = im.doc(c.DocumentID)
		c.Members = make([]string, len(e.Members))
		for i, m := range e.Members {
			var err error
			if c.Members[i], err = im.span(m, c.DocumentID, fmt.Sprintf("%s set %s", c.Type, c.ID)); err != nil {
				return err
			}
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if err := im.db.Exec(`INSERT INTO equivs(id, document_id, type, members)
			SELECT ?1, CAST(?2 AS text), CAST(?3 AS text), CAST(?4 AS text) WHERE NOT EXISTS (SELECT 1 FROM equivs
				WHERE document_id = ?2 AND type = ?3 AND members = ?4)`,
			annotate.NewID(), c.DocumentID, c.Type, records.EncodeList(c.Members)); err != nil {
			return err
		}
	}
	for _, n := range b.Norms {
		c := *n
		c.DocumentID = im.doc(c.DocumentID)
		var err error
		if c.Target, err = im.target(c.Target, c.DocumentID, fmt.Sprintf("normalisation %s", c.ID)); err != nil {
			return err
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if err := im.db.Exec(`INSERT INTO norms(id, document_id, type, target, resource, entry_id, text)
			SELECT ?1, CAST(?2 AS text), CAST(?3 AS text), CAST(?4 AS text), CAST(?5 AS text), CAST(?6 AS text), ?7 WHERE NOT EXISTS (SELECT 1 FROM norms
				WHERE document_id = ?2 AND type = ?3 AND target = ?4 AND resource = ?5 AND entry_id = ?6)`,
			annotate.NewID(), c.DocumentID, c.Type, c.Target, c.Resource, c.EntryID, c.Text); err != nil {
			return err
		}
	}
	return nil
}
