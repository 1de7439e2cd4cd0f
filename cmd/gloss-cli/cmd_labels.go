package main

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

func init() {
	register("labels", "list labels, or add one (labels add)", cmdLabels)
}

func cmdLabels(e *env, args []string) error {
	if len(args) > 0 && args[0] == "add" {
		return cmdLabelsAdd(e, args[1:])
	}
	fs := newFlags(e, "labels", "PROJECT\n       gloss-cli labels add [--color #RRGGBB] [--key K] [--description TEXT] PROJECT NAME",
		"List the project's labels in order: name, colour, hotkey, description.")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		labels, err := p.Labels()
		if err != nil {
			return err
		}
		for _, l := range labels {
			key := l.Hotkey
			if key == "" {
				key = "-"
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", termField(l.Name), l.Color, key, termField(l.Description))
		}
		return nil
	})
}

func cmdLabelsAdd(e *env, args []string) error {
	fs := newFlags(e, "labels add", "[--color #RRGGBB] [--key K] [--description TEXT] PROJECT NAME",
		"Add a label. Without --color the next colour of the colour-blind-safe palette is used.")
	color := fs.String("color", "", "colour as #RRGGBB")
	key := fs.String("key", "", "hotkey: one digit or letter")
	desc := fs.String("description", "", "what the label means (shown as a tooltip)")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], asAnnotator(existing, *ann), func(p annotate.Project) error {
		l := &annotate.Label{Name: pos[1], Color: strings.ToUpper(*color), Hotkey: *key, Description: *desc}
		if err := p.AddLabel(l); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added label %s (%s)\n", l.Name, l.Color)
		return nil
	})
}
