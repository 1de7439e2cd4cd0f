package main

import (
	"context"
	"fmt"

	"gloss/store/pgstore"
)

func init() {
	register("member", "server projects: add, remove or list members; blind coding", cmdMember)
}

const memberUsage = `Usage:
  gloss-cli member add [--as NAME] URL ROLE KIND   make PostgreSQL role ROLE a member (KIND: annotator, curator or manager)
  gloss-cli member remove URL ROLE                 end ROLE's membership (its spans stay)
  gloss-cli member list URL                        list the members and whether coding is blind
  gloss-cli member blind URL on|off                annotators see only their own layer and gold (on) or every layer (off)

Members of a server project (a postgres:// URL) and what each kind may do: see docs/server.md.
Only the project's manager or the role that set it up may change members.`

func cmdMember(e *env, args []string) error {
	if len(args) == 0 {
		return errUsage{"member needs add, remove, list or blind (see gloss-cli member --help)"}
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, memberUsage)
		return errHelp
	case "add":
		return memberAdd(e, rest)
	case "remove":
		return memberRemove(e, rest)
	case "list":
		return memberList(e, rest)
	case "blind":
		return memberBlind(e, rest)
	}
	return errUsage{fmt.Sprintf("unknown member command %q (want add, remove, list or blind)", sub)}
}

// withServer opens the server project at url as the role the URL names.
func withServer(url string, fn func(ctx context.Context, s *pgstore.Store) error) error {
	if !pgstore.IsURL(url) {
		return errUsage{fmt.Sprintf("%s is not a postgres:// URL: members belong to server projects only", url)}
	}
	ctx := context.Background()
	s, err := pgstore.Open(ctx, url, pgstore.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(ctx, s)
}

func memberAdd(e *env, args []string) error {
	fs := newFlags(e, "member add", "[--as NAME] URL ROLE KIND", "Make PostgreSQL role ROLE a member of the server project, as annotator, curator or manager.")
	as := fs.String("as", "", "the name of the member's layer (default: the role's name)")
	pos, err := parse(fs, args, 3, 3)
	if err != nil {
		return err
	}
	return withServer(pos[0], func(ctx context.Context, s *pgstore.Store) error {
		if err := s.AddMember(ctx, pos[1], *as, pos[2]); err != nil {
			return err
		}
		name := *as
		if name == "" {
			name = pos[1]
		}
		fmt.Fprintf(e.stdout, "%s is now a member of %s: %s, as %q\n", pos[1], s.Path(), pos[2], name)
		return nil
	})
}

func memberRemove(e *env, args []string) error {
	fs := newFlags(e, "member remove", "URL ROLE", "End PostgreSQL role ROLE's membership of the server project; its spans stay.")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	return withServer(pos[0], func(ctx context.Context, s *pgstore.Store) error {
		if err := s.RemoveMember(ctx, pos[1]); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is no longer a member of %s\n", pos[1], s.Path())
		return nil
	})
}

func memberList(e *env, args []string) error {
	fs := newFlags(e, "member list", "URL", "List the members of the server project (role, layer name, kind) and whether coding is blind.")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withServer(pos[0], func(ctx context.Context, s *pgstore.Store) error {
		members, err := s.Members(ctx)
		if err != nil {
			return err
		}
		blind, err := s.Blind(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "role\tannotator\tkind")
		for _, m := range members {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", m.Role, m.Annotator, m.Kind)
		}
		if blind {
			fmt.Fprintln(e.stdout, "blind coding: on (annotators see only their own layer and gold)")
		} else {
			fmt.Fprintln(e.stdout, "blind coding: off (annotators see every layer)")
		}
		return nil
	})
}

func memberBlind(e *env, args []string) error {
	fs := newFlags(e, "member blind", "URL on|off", "Turn blind coding on (annotators see only their own layer and gold) or off (every layer).")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	var on bool
	switch pos[1] {
	case "on":
		on = true
	case "off":
	default:
		return errUsage{fmt.Sprintf("blind takes on or off, not %q", pos[1])}
	}
	return withServer(pos[0], func(ctx context.Context, s *pgstore.Store) error {
		if err := s.SetBlind(ctx, on); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "blind coding is %s in %s\n", pos[1], s.Path())
		return nil
	})
}
