package formats

import (
	"os"
	"path/filepath"
	"strings"

	"gloss/annotate"
)

// bratLabels reads the labels of dir/annotation.conf's [entities] section
// (nested, indented names too; "!" marks a grouping name that is not a
// label) with colours from dir/visual.conf. Other sections are ignored. A
// missing file gives no labels: spans still name theirs.
func bratLabels(dir string) []*annotate.Label {
	conf, err := os.ReadFile(filepath.Join(dir, "annotation.conf"))
	if err != nil {
		return nil
	}
	colors := map[string]string{}
	if vis, err := os.ReadFile(filepath.Join(dir, "visual.conf")); err == nil {
		colors = bratColors(string(vis))
	}
	var labels []*annotate.Label
	for _, name := range bratEntities(string(conf)) {
		labels = append(labels, &annotate.Label{Name: name, Color: colors[name]})
	}
	return labels
}

// bratSections calls fn with each non-blank, non-comment line of a brat
// .conf file and the [section] it is in.
func bratSections(conf string, fn func(section, line string)) {
	section := ""
	for _, line := range strings.Split(conf, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			section = strings.ToLower(strings.TrimSpace(t[1 : len(t)-1]))
		default:
			fn(section, t)
		}
	}
}

// bratEntities lists the entity types of an annotation.conf.
func bratEntities(conf string) []string {
	var names []string
	seen := map[string]bool{}
	bratSections(conf, func(section, line string) {
		name := strings.Fields(line)[0]
		if section != "entities" || strings.ContainsAny(name[:1], "!<-") || seen[name] || labelNameProblem(name) != nil {
			return
		}
		seen[name] = true
		names = append(names, name)
	})
	return names
}

// bratColors reads the bgColor of each type in visual.conf's [drawing].
func bratColors(conf string) map[string]string {
	colors := map[string]string{}
	bratSections(conf, func(section, line string) {
		if section != "drawing" {
			return
		}
		name, rest, _ := strings.Cut(strings.ReplaceAll(line, "\t", " "), " ")
		for _, kv := range strings.Split(rest, ",") {
			k, v, _ := strings.Cut(strings.TrimSpace(kv), ":")
			if k == "bgColor" && annotate.ValidColor(strings.TrimSpace(v)) {
				colors[name] = strings.ToUpper(strings.TrimSpace(v))
			}
		}
	})
	return colors
}
