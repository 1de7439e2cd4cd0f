package store

import (
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
)

// events stores the batch's events: an event whose ID is already in the
// project's document is taken as present; other IDs that are taken get
// fresh ones. Arguments are resolved to batch events first, then spans.
func (im *structImport) events(events []*annotate.TextEvent, annotator string, res *annotate.ImportResult) error {
	var fresh []*annotate.TextEvent
	for _, e := range events {
		doc := im.doc(e.DocumentID)
		var have string
		if err := im.tx.QueryRow(`SELECT document_id FROM text_events WHERE id = ?`, e.ID).Scan(&have); err == nil && have == doc {
			im.eventIDs[e.ID] = e.ID
			continue
		}
		c := *e
		c.DocumentID = doc
		if c.ID == "" || exists(im.tx, "text_events", c.ID) {
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
		what := fmt.Sprintf("event %s (%s)", e.ID, e.Type)
		trigger, err := im.span(e.Trigger, e.DocumentID, what)
		if err != nil {
			return err
		}
		if _, err := im.tx.Exec(`INSERT INTO text_events(id, document_id, type, trigger_span, annotator, attrs) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, e.DocumentID, e.Type, trigger, e.Annotator, records.EncodeAttrs(e.Attributes)); err != nil {
			return err
		}
		res.Events++
	}
	for _, e := range fresh {
		for i, a := range e.Args {
			var refSpan, refEvent any
			if id, ok := im.eventIDs[a.Ref]; ok {
				refEvent = id
			} else {
				id, err := im.span(a.Ref, e.DocumentID, fmt.Sprintf("event %s (%s), argument %s", e.ID, e.Type, a.Role))
				if err != nil {
					return err
				}
				refSpan = id
			}
			if _, err := im.tx.Exec(`INSERT INTO event_args(event_id, pos, role, ref_span, ref_event) VALUES (?, ?, ?, ?, ?)`,
				e.ID, i, a.Role, refSpan, refEvent); err != nil {
				return err
			}
		}
	}
	return checkEventCycles(im, fresh)
}

// checkEventCycles refuses events that contain themselves.
func checkEventCycles(im *structImport, events []*annotate.TextEvent) error {
	docs := map[string]bool{}
	for _, e := range events {
		docs[e.DocumentID] = true
	}
	for doc := range docs {
		evs, err := textEvents(im.tx, doc)
		if err != nil {
			return err
		}
		spans := map[string]bool{}
		rows, err := im.tx.Query(`SELECT id FROM spans WHERE document_id = ?`, doc)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			spans[id] = true
		}
		rows.Close()
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
	if exists(im.tx, "relations", ref) || exists(im.tx, "text_events", ref) {
		return ref, nil
	}
	return im.span(ref, doc, what)
}

// extras stores notes, equivalence sets and normalisations, leaving out
// those already present (same document, type, target and content).
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
		if _, err := im.tx.Exec(`INSERT INTO notes(id, document_id, type, target, text)
			SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM notes WHERE document_id = ?2 AND type = ?3 AND target = ?4 AND text = ?5)`,
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
		if _, err := im.tx.Exec(`INSERT INTO equivs(id, document_id, type, members)
			SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM equivs WHERE document_id = ?2 AND type = ?3 AND members = ?4)`,
			annotate.NewID(), c.DocumentID, c.Type, encodeList(c.Members)); err != nil {
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
		if _, err := im.tx.Exec(`INSERT INTO norms(id, document_id, type, target, resource, entry_id, text)
			SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM norms WHERE document_id = ?2 AND type = ?3 AND target = ?4 AND resource = ?5 AND entry_id = ?6)`,
			annotate.NewID(), c.DocumentID, c.Type, c.Target, c.Resource, c.EntryID, c.Text); err != nil {
			return err
		}
	}
	return nil
}

// categories stores each batch document's categories, adding the sets
// and values they name when missing.
func (im *structImport) categories(b *annotate.Batch) error {
	for _, d := range b.Documents {
		for set, values := range d.Categories {
			if err := im.categorySet(set, len(values) > 1, values); err != nil {
				return fmt.Errorf("document %q: %w", d.Title, err)
			}
			sets, err := categorySets(im.tx)
			if err != nil {
				return err
			}
			for _, c := range sets {
				if strings.EqualFold(c.Name, set) {
					if err := c.Check(values); err != nil {
						return fmt.Errorf("document %q: %w", d.Title, err)
					}
					if err := writeCategories(im.tx, im.doc(d.ID), c.ID, values); err != nil {
						return err
					}
					break
				}
			}
		}
	}
	return nil
}
