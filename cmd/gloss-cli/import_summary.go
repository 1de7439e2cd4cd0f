package main

import (
	"fmt"

	"gloss/annotate/formats"
)

// reportPlan tells the user which files an import took, by format, and
// which it skipped, by reason, naming the first few of each
// (formats.Plan.Summary, which the window's status bar shortens).
func reportPlan(e *env, plan *formats.Plan) {
	fmt.Fprint(e.stdout, plan.Summary())
}
