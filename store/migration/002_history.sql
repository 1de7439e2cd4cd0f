-- Persistent undo and redo of span edits, kept in the edit log so that they
-- survive a restart. events.undone now means:
--   0  in effect
--   1  undone, and can be redone
--   2  undone, and replaced by a newer edit (what could be redone was cleared)
--   3  could not be undone because the span was changed since; skipped
-- events.ref: for an undo or redo event, the seq of the span edit it undid or redid.
ALTER TABLE events ADD COLUMN ref INTEGER NOT NULL DEFAULT 0;

CREATE INDEX events_undo ON events(annotator, undone, seq);

-- A new span edit clears what its annotator could redo, as editors do.
CREATE TRIGGER events_clear_redo AFTER INSERT ON events
WHEN NEW.action IN ('add-span', 'update-span', 'delete-span')
BEGIN
    UPDATE events SET undone = 2 WHERE undone = 1 AND annotator = NEW.annotator;
END;
