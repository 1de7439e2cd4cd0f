package main

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"gloss/internal/pgtest"
	"gloss/store/pgstore"
)

// memberServer returns the URL of an empty database on the package's
// throwaway PostgreSQL server (see TestMain), whose cluster has the login
// roles ana and ben.
func memberServer(t *testing.T) string {
	t.Helper()
	c := pgtest.Shared(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, role := range []string{"ana", "ben"} {
		if _, err := conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+role+` LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
			t.Fatal(err)
		}
	}
	db, err := c.CreateDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// as is url with the user role.
func as(t *testing.T, rawURL, role string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	return u.String()
}

func TestMemberCommands(t *testing.T) {
	admin := memberServer(t)
	p, err := pgstore.Init(context.Background(), admin, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if out := mustGC(t, "member", "add", "--as", "Ana", admin, "ana", "manager"); !strings.Contains(out, `ana is now a member of`) || !strings.Contains(out, `manager, as "Ana"`) {
		t.Fatalf("member add said %q", out)
	}
	anaURL, benURL := as(t, admin, "ana"), as(t, admin, "ben")
	// ben is no member: he can open nothing.
	_, errs, code := gc(t, "member", "list", benURL)
	if code != 1 || !strings.Contains(errs, "the role ben is not a member of this project") {
		t.Fatalf("ben's member list: exit %d, %q", code, errs)
	}
	// ana, the manager, adds him as an annotator and turns blind coding off.
	mustGC(t, "member", "add", anaURL, "ben", "annotator")
	if out := mustGC(t, "member", "blind", anaURL, "off"); !strings.Contains(out, "blind coding is off") {
		t.Fatalf("member blind said %q", out)
	}
	want := "role\tannotator\tkind\nana\tAna\tmanager\nben\tben\tannotator\nblind coding: off (annotators see every layer)\n"
	if out := mustGC(t, "member", "list", benURL); out != want {
		t.Fatalf("member list:\n%s\nwant:\n%s", out, want)
	}
	// ben, an annotator, may change neither members nor settings.
	for _, args := range [][]string{{"member", "remove", benURL, "ana"}, {"member", "blind", benURL, "on"}} {
		_, errs, code := gc(t, args...)
		if code != 1 || !strings.Contains(errs, "ben is an annotator in this project and cannot") {
			t.Fatalf("%v: exit %d, %q", args, code, errs)
		}
	}
	mustGC(t, "member", "remove", anaURL, "ben")
	if out := mustGC(t, "member", "list", admin); strings.Contains(out, "ben") {
		t.Fatalf("ben is still listed after remove:\n%s", out)
	}
	for _, args := range [][]string{{"member", "add", admin, "ben", "boss"}, {"member", "add", admin, "nosuchrole", "annotator"}} {
		if _, errs, code := gc(t, args...); code != 1 || errs == "" {
			t.Fatalf("%v: exit %d, %q", args, code, errs)
		}
	}
	if _, _, code := gc(t, "member", "list", "p.gloss"); code != 2 {
		t.Fatalf("member list on a file: exit %d, want 2", code)
	}
	if _, _, code := gc(t, "member", "blind", admin, "maybe"); code != 2 {
		t.Fatalf("member blind maybe: exit %d, want 2", code)
	}
}
