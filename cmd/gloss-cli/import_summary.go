package main

import (
	"fmt"
	"sort"
	"strings"

	"gloss/annotate/formats"
)

// skipExamples is how many paths the import summary names per skip reason.
const skipExamples = 5

// reportPlan tells the user which files an import took, by format, and
// which it skipped, by reason, naming the first few of each.
func reportPlan(e *env, plan *formats.Plan) {
	byFormat := map[string]int{}
	files := 0
	for _, r := range plan.Reads {
		n := 1
		if r.Files != nil {
			n = len(r.Files)
		}
		byFormat[r.Format.Name] += n
		files += n
	}
	names := make([]string, 0, len(byFormat))
	for f := range byFormat {
		names = append(names, f)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, f := range names {
		parts[i] = fmt.Sprintf("%d %s", byFormat[f], f)
	}
	fmt.Fprintf(e.stdout, "took %s: %s\n", count(files, "file"), strings.Join(parts, ", "))
	if len(plan.Skipped) == 0 {
		return
	}
	byReason := map[string][]string{}
	var reasons []string
	for _, s := range plan.Skipped {
		if byReason[s.Reason] == nil {
			reasons = append(reasons, s.Reason)
		}
		byReason[s.Reason] = append(byReason[s.Reason], s.Path)
	}
	fmt.Fprintf(e.stdout, "skipped %s:\n", count(len(plan.Skipped), "file or folder", "files or folders"))
	for _, r := range reasons {
		paths := byReason[r]
		shown := paths
		if len(shown) > skipExamples {
			shown = shown[:skipExamples]
		}
		more := ""
		if len(paths) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(paths)-len(shown))
		}
		fmt.Fprintf(e.stdout, "  %d %s: %s%s\n", len(paths), r, strings.Join(shown, ", "), more)
	}
}
