package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"gloss/annotate"
)

// The kinds of member of a server project (migration/002_roles.sql
// enforces what each may do; docs/server.md has the table).
const (
	// KindAnnotator writes their own layer and sees the others' only when
	// the project is not blind.
	KindAnnotator = "annotator"
	// KindCurator is an annotator who also writes the gold layer and reads
	// every layer.
	KindCurator = "curator"
	// KindManager changes labels, documents, members and settings and reads
	// every layer; a manager writes no spans but moves them between labels.
	KindManager = "manager"
)

// Gold is the annotator name of the gold-standard layer.
const Gold = "gold"

// Member is a PostgreSQL role that may work on the project.
type Member struct {
	Role      string // the PostgreSQL login role (current_user)
	Annotator string // the name of the role's layer
	Kind      string // KindAnnotator, KindCurator or KindManager
}

// Kind is the kind of member the store's connection is ("" for the set-up
// user, a superuser or any role that owns the project's tables: they are
// not bound by the project's roles).
func (s *Store) Kind() string { return s.kind }

// join settles who the connection is once the project is open: the set-up
// user keeps the annotator it asked for; a member works as the annotator
// the members table names, whatever name it asked for (the window and the
// CLI pass a default name), except that a curator may ask for gold; anyone
// else is refused. When the annotator changes, the pool is made again so
// that its connections name it.
func (s *Store) join(ctx context.Context, rawURL string, opts Options) error {
	var role, kind, me string
	var free bool
	err := s.pool.QueryRow(ctx, `SELECT current_user, gloss_free('gloss_project'::regclass),
		coalesce(gloss_kind(), ''), coalesce(gloss_me(), '')`).Scan(&role, &free, &kind, &me)
	switch {
	case err != nil:
		return fmt.Errorf("open %s: %w", s.url, err)
	case free:
		return nil
	case kind == "":
		return annotate.Errorf(annotate.EFORBIDDEN, "%s: the role %s is not a member of this project: its manager adds members (gloss-cli member add)", s.url, role)
	}
	s.kind = kind
	want := me
	if opts.Annotator == Gold && kind == KindCurator {
		want = Gold
	}
	if want == s.annotator {
		return nil
	}
	opts.Annotator = want
	ns, err := connect(ctx, rawURL, opts)
	if err != nil {
		return err
	}
	s.pool.Close()
	s.pool, s.annotator, s.origin = ns.pool, ns.annotator, ns.origin
	return nil
}

// forbidden turns the server's refusal (SQLSTATE 42501: a Gloss role
// trigger, a row-level security policy or a missing privilege) into an
// EFORBIDDEN error; other errors are returned as they are.
func forbidden(shown string, err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" {
		return err
	}
	if msg, ok := strings.CutPrefix(pe.Message, "gloss: "); ok {
		return annotate.Errorf(annotate.EFORBIDDEN, "%s", msg)
	}
	return annotate.Errorf(annotate.EFORBIDDEN, "%s: the server refused the change (%s): your role in this project does not allow it", shown, pe.Message)
}

// upgradeRefused is the error when a role that does not own the project
// opens it with an older schema: only the set-up role may change the schema.
func upgradeRefused(shown string, from int, m migration) error {
	return annotate.Errorf(annotate.EFORBIDDEN, "%s has an older schema (%d) that this Gloss must upgrade (migration %03d_%s), and only the role that set the project up may change it: ask them to open it once with this Gloss", shown, from, m.version, m.name)
}

// manage runs fn in one transaction for the member and settings calls.
func (s *Store) manage(ctx context.Context, fn func(tx pgx.Tx) error) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	return dbErr(s.url, pgx.BeginFunc(ctx, s.pool, fn))
}

// AddMember lets PostgreSQL role work on the project as annotator (the
// role's name when empty) with kind KindAnnotator, KindCurator or
// KindManager. The role must exist on the server (CREATE ROLE ... LOGIN);
// only a manager or the set-up user may add members. A role or annotator
// name already taken is ECONFLICT.
func (s *Store) AddMember(ctx context.Context, role, annotator, kind string) error {
	if annotator == "" {
		annotator = role
	}
	switch {
	case kind != KindAnnotator && kind != KindCurator && kind != KindManager:
		return annotate.Errorf(annotate.EINVALID, "unknown kind of member %q (want annotator, curator or manager)", kind)
	case role == "":
		return annotate.Errorf(annotate.EINVALID, "a member needs a PostgreSQL role")
	case annotator == Gold:
		return annotate.Errorf(annotate.EINVALID, "%q is the gold-standard layer, not a member's name: curators write it", Gold)
	}
	return s.manage(ctx, func(tx pgx.Tx) error {
		var exists, free bool
		err := tx.QueryRow(ctx, `SELECT r.oid IS NOT NULL, coalesce(r.rolsuper OR r.rolbypassrls
			OR pg_has_role(r.oid, (SELECT relowner FROM pg_class WHERE oid = 'gloss_project'::regclass), 'USAGE'), false)
			FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_roles r ON r.rolname = $1`, role).Scan(&exists, &free)
		switch {
		case err != nil:
			return err
		case !exists:
			return annotate.Errorf(annotate.ENOTFOUND, "there is no PostgreSQL role %q on the server: create it first (CREATE ROLE %s LOGIN)", role, role)
		case free:
			return annotate.Errorf(annotate.EINVALID, "the role %s owns this project or is a superuser: no role binds it, so it cannot be a member", role)
		}
		_, err = tx.Exec(ctx, `INSERT INTO gloss_members(role, annotator, kind, added_at) VALUES ($1, $2, $3, $4)`, role, annotator, kind, now())
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" {
			if strings.Contains(pe.ConstraintName, "annotator") {
				return annotate.Errorf(annotate.ECONFLICT, "the annotator name %q is taken by another member", annotator)
			}
			return annotate.Errorf(annotate.ECONFLICT, "the role %s is a member already", role)
		}
		return err
	})
}

// RemoveMember takes role's membership away (its spans stay in the
// project). A role that is no member is ENOTFOUND.
func (s *Store) RemoveMember(ctx context.Context, role string) error {
	return s.manage(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM gloss_members WHERE role = $1`, role)
		if err == nil && tag.RowsAffected() == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "the role %s is not a member of this project", role)
		}
		return err
	})
}

// Members lists the project's members by role.
func (s *Store) Members(ctx context.Context) ([]Member, error) {
	rows, err := s.pool.Query(ctx, `SELECT role, annotator, kind FROM gloss_members ORDER BY role`)
	if err != nil {
		return nil, dbErr(s.url, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Member])
	return out, dbErr(s.url, err)
}

// SetBlind turns blind coding on (annotators see only their own layer and
// gold, the default) or off (they see every layer). Only a manager or the
// set-up user may.
func (s *Store) SetBlind(ctx context.Context, blind bool) error {
	return s.manage(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE gloss_project SET blind = $1 WHERE id = 1`, blind)
		return err
	})
}

// Blind reports whether annotators see only their own layer and gold.
func (s *Store) Blind(ctx context.Context) (bool, error) {
	var b bool
	err := s.pool.QueryRow(ctx, `SELECT blind FROM gloss_project WHERE id = 1`).Scan(&b)
	return b, dbErr(s.url, err)
}
