package store

import (
	"database/sql"
	"errors"

	"gloss/annotate"
)

// Pending returns the span edits that Undo and Redo would take next for this
// annotator (nil when there is none). Edits whose span has changed since are
// skipped by Undo itself, so the one named here may turn out to conflict.
func (s *Store) Pending() (undo, redo *annotate.Event, err error) {
	next := func(where string) (*annotate.Event, error) {
		e, err := scanEvent(s.rdb.QueryRow(selectEventSQL+` WHERE annotator = ? AND action IN `+undoableActions+` AND `+where+` LIMIT 1`, s.annotator))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return e, err
	}
	if undo, err = next(`undone = 0 ORDER BY seq DESC`); err != nil {
		return nil, nil, err
	}
	if redo, err = next(`undone = 1 ORDER BY seq ASC`); err != nil {
		return nil, nil, err
	}
	return undo, redo, nil
}
