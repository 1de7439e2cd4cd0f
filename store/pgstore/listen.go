package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// changeChannel is the channel the triggers of migration 001 notify on.
const changeChannel = "gloss_changes"

// notice is the JSON payload of a change notification.
type notice struct {
	Kind      string `json:"kind"`
	Document  string `json:"document"`
	Annotator string `json:"annotator"`
	Origin    string `json:"origin"`
}

// Listen calls fn for every change to spans, statuses, documents and labels
// that another open project (another Store: another window, annotator or
// machine) commits, as the server announces it (LISTEN/NOTIFY, on a
// connection of its own). Changes made through this Store are left out.
// Identical changes in one transaction come once. Listen returns when ctx
// is done (with ctx.Err()), when the Store is closed (with
// context.Canceled) or when the connection fails; fn runs on Listen's
// goroutine, so a slow fn delays the next changes but loses none.
func (s *Store) Listen(ctx context.Context, fn func(annotate.Change)) error {
	return s.listen(ctx, fn, nil)
}

// listen is Listen that calls ready (when not nil) once it is listening.
func (s *Store) listen(ctx context.Context, fn func(annotate.Change), ready func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(s.closed, cancel)
	defer stop()
	c, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.url, redactErr(err, s.pool.Config().ConnString()))
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, "LISTEN "+changeChannel); err != nil {
		return fmt.Errorf("listen on %s: %w", s.url, err)
	}
	if ready != nil {
		ready()
	}
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("listen on %s: %w", s.url, err)
		}
		var p notice
		if json.Unmarshal([]byte(n.Payload), &p) != nil || p.Origin == s.origin {
			continue
		}
		if hidden, err := s.hidden(ctx, c, p); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("listen on %s: %w", s.url, err)
		} else if hidden {
			continue
		}
		fn(annotate.Change{Kind: p.Kind, DocumentID: p.Document, Annotator: p.Annotator})
	}
}

// hidden reports whether notice p tells of a change in a layer this
// member may not see, so that Listen drops it: LISTEN cannot be limited by
// role, so every member's connection hears every notice. A blind
// annotator (the server's gloss_sees_all says no, asked at each such notice,
// since the manager may turn blind coding on or off meanwhile) does not hear
// of spans or statuses that another annotator or a curator wrote in their
// own layer; notices of their own changes (from another window), of gold,
// of a manager's (who moves spans of every layer when deleting a label)
// and of labels and documents still come. Payloads hold no span ids,
// offsets, texts or labels in any case (see docs/server.md).
func (s *Store) hidden(ctx context.Context, c *pgx.Conn, p notice) (bool, error) {
	if s.kind != KindAnnotator || (p.Kind != annotate.ChangeSpan && p.Kind != annotate.ChangeStatus) ||
		p.Annotator == s.annotator || p.Annotator == Gold {
		return false, nil
	}
	var hide bool
	err := c.QueryRow(ctx, `SELECT NOT gloss_sees_all() AND EXISTS (SELECT 1 FROM gloss_members
		WHERE annotator = $1 AND kind IN ('annotator', 'curator'))`, p.Annotator).Scan(&hide)
	return hide, err
}
