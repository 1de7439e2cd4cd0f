package main

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"gloss/store"
)

func init() {
	register("check", "list every problem in a project (exit 1 when there is any)", cmdCheck)
}

func cmdCheck(e *env, args []string) error {
	fs := newFlags(e, "check", "PROJECT", "List every problem in a project file: SQLite's integrity and foreign key checks,\n"+
		"a schema Gloss did not make, and every document, span and label that breaks Gloss's rules,\n"+
		"by id. Reads the file without changing it, also one that Gloss refuses to open.\n"+
		"Exit status 1 when there is any problem.")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	problems, err := store.CheckFile(context.Background(), pos[0])
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(e.stdout, printable(p.String()))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %d problem(s)", pos[0], len(problems))
	}
	fmt.Fprintf(e.stdout, "%s: no problems found\n", pos[0])
	return nil
}

// printable replaces control and bidirectional formatting characters, which
// a crafted project could use to rewrite what the terminal shows, by U+FFFD.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '�'
		}
		return r
	}, s)
}
