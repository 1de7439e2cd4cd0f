package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store"
)

func init() {
	register("agree", "inter-annotator agreement: alpha_u, kappa, F1 (text, JSON or CSV)", cmdAgree)
}

func cmdAgree(e *env, args []string) error {
	fs := newFlags(e, "agree", "[--annotators a,b,...] [--labels x,y,...] [--scope done|all] [--json|--csv] [--by-document] PROJECT",
		"Report how far annotators agree: Krippendorff's unitizing alpha (alpha_u) per label and overall,\n"+
			"Cohen's kappa per pair and label over code points (Fleiss' with more than two annotators), exact and\n"+
			"overlap F1 per pair. Definitions: docs/agreement.md. Undefined figures are n/a (null in JSON).\n"+
			"--json writes one JSON object (docs/agreement.schema.json) on one line; with --by-document, one more\n"+
			"line per document follows it, the same object with a \"document\" key (the document's id).\n"+
			"--csv writes one figure per row: document,label,a,b,figure,value.")
	anns := fs.String("annotators", "", "compare these annotators, comma-separated (default: every annotator with spans but gold)")
	labels := fs.String("labels", "", "only these labels, comma-separated (default: every label a compared annotator used)")
	scope := fs.String("scope", store.ScopeDone, "documents in scope: done (marked done by every compared annotator) or all")
	asJSON := fs.Bool("json", false, "write JSON")
	asCSV := fs.Bool("csv", false, "write CSV")
	byDoc := fs.Bool("by-document", false, "also give the figures of each document alone")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *asJSON && *asCSV {
		return errUsage{"say --json or --csv, not both"}
	}
	if *scope != store.ScopeDone && *scope != store.ScopeAll {
		return errUsage{fmt.Sprintf("unknown --scope %q: say done or all", *scope)}
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		sp, ok := p.(studier)
		if !ok {
			return fmt.Errorf("%s cannot build agreement studies", shownTarget(p.Path()))
		}
		st, err := sp.AgreementStudy(*scope, nameList(*anns), nameList(*labels))
		if err != nil {
			return err
		}
		if err := checkStudy(st, *scope); err != nil {
			return err
		}
		r, err := agree.Compute(st)
		if err != nil {
			return err
		}
		var docs []agree.DocumentResult
		if *byDoc {
			if docs, err = agree.ByDocument(st); err != nil {
				return err
			}
		}
		switch {
		case *asJSON:
			enc := json.NewEncoder(e.stdout)
			if err := enc.Encode(r); err != nil {
				return err
			}
			for _, d := range docs {
				if err := enc.Encode(d); err != nil {
					return err
				}
			}
			return nil
		case *asCSV:
			return agree.WriteCSV(e.stdout, r, docs)
		}
		if err := agree.WriteText(e.stdout, r); err != nil {
			return err
		}
		titles, err := documentTitles(p)
		if err != nil {
			return err
		}
		for _, d := range docs {
			fmt.Fprintf(e.stdout, "\n== %s\n", shown(titles[d.Document]))
			if err := agree.WriteText(e.stdout, d.Result); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkStudy refuses a study with nothing to compare, saying why.
func checkStudy(st agree.Study, scope string) error {
	if len(st.Annotators) < 2 {
		if len(st.Annotators) == 0 {
			return fmt.Errorf("no annotator has spans: nothing to compare")
		}
		return fmt.Errorf("agreement needs two annotators or more; only %s is compared (the gold layer never is)", shown(st.Annotators[0]))
	}
	if len(st.Documents) > 0 {
		return nil
	}
	if scope == store.ScopeAll {
		return fmt.Errorf("the project has no documents")
	}
	names := make([]string, len(st.Annotators))
	for i, a := range st.Annotators {
		names[i] = shown(a)
	}
	return fmt.Errorf("no document is marked done by every compared annotator (%s), so there is nothing to compare: "+
		"each marks their finished documents with gloss-cli status --annotator NAME --doc DOC PROJECT done, "+
		"or compare every document with --scope all", strings.Join(names, ", "))
}

// studier is a project that builds agreement studies: a project file or
// a server project.
type studier interface {
	AgreementStudy(scope string, annotators, labels []string) (agree.Study, error)
}

// documentTitles maps document IDs to titles (the ID when untitled).
func documentTitles(p annotate.Project) (map[string]string, error) {
	out := map[string]string{}
	infos, err := p.Documents()
	for _, d := range infos {
		out[d.ID] = d.Title
		if d.Title == "" {
			out[d.ID] = d.ID
		}
	}
	return out, err
}
