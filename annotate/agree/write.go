package agree

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// labelNames returns the labels of r, sorted.
func (r Result) labelNames() []string {
	names := make([]string, 0, len(r.Labels))
	for name := range r.Labels {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// WriteText writes r as text tables: the overall alpha_u, one row per
// label, one row per pair of annotators. Undefined figures read "n/a".
func WriteText(w io.Writer, r Result) error {
	labels := r.labelNames()
	var b strings.Builder
	fmt.Fprintf(&b, "Agreement of %s (%s) over %s, %s\n", plural(len(r.Annotators), "annotator"),
		strings.Join(r.Annotators, ", "), plural(r.Documents, "document"), plural(int(r.Length), "code point"))
	fmt.Fprintf(&b, "Krippendorff's alpha_u: %s\n\n", r.AlphaU)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	head := []string{"label", "alpha_u"}
	fleiss := len(r.Annotators) > 2
	if fleiss {
		head = append(head, "fleiss")
	}
	for _, a := range r.Annotators {
		head = append(head, "units "+a)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, name := range labels {
		l := r.Labels[name]
		row := []string{name, l.AlphaU.String()}
		if fleiss {
			row = append(row, r.Fleiss[name].String())
		}
		for _, a := range r.Annotators {
			row = append(row, strconv.Itoa(l.Units[a]))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if len(r.Pairs) > 0 {
		fmt.Fprintln(tw)
		head = []string{"pair", "f1_exact", "f1_overlap"}
		for _, name := range labels {
			head = append(head, "kappa "+name)
		}
		fmt.Fprintln(tw, strings.Join(head, "\t"))
		for _, p := range r.Pairs {
			row := []string{p.A + " / " + p.B, p.F1Exact.String(), p.F1Overlap.String()}
			for _, name := range labels {
				row = append(row, p.Kappa[name].String())
			}
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var merged []string
	for _, name := range labels {
		for _, a := range r.Annotators {
			if n := r.Labels[name].Merged[a]; n > 0 {
				merged = append(merged, fmt.Sprintf("%s %s %d", a, name, n))
			}
		}
	}
	if len(merged) > 0 {
		fmt.Fprintf(&b, "\nOverlapping spans of one annotator and label were merged into their union before alpha_u and kappa: %s.\n",
			strings.Join(merged, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CSVHeader is the header row WriteCSV writes.
var CSVHeader = []string{"document", "label", "a", "b", "figure", "value"}

// WriteCSV writes r, then the results of single documents (may be nil), as
// one figure per row under CSVHeader: document is empty for the study as a
// whole; figure is documents, length, alpha_u (label empty for the
// overall), units and merged (annotator in a), fleiss, f1_exact,
// f1_overlap and kappa (pair in a and b). An undefined figure has an empty
// value.
func WriteCSV(w io.Writer, r Result, docs []DocumentResult) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	csvRows(cw, "", r)
	for _, d := range docs {
		csvRows(cw, d.Document, d.Result)
	}
	cw.Flush()
	return cw.Error()
}

// csvRows writes the rows of one result; errors surface at Flush.
func csvRows(cw *csv.Writer, doc string, r Result) {
	row := func(label, a, b, figure, value string) {
		_ = cw.Write([]string{doc, label, a, b, figure, value})
	}
	val := func(v Value) string {
		if !v.Defined {
			return ""
		}
		return strconv.FormatFloat(v.X, 'g', -1, 64)
	}
	row("", "", "", "documents", strconv.Itoa(r.Documents))
	row("", "", "", "length", strconv.FormatInt(r.Length, 10))
	row("", "", "", "alpha_u", val(r.AlphaU))
	for _, name := range r.labelNames() {
		l := r.Labels[name]
		row(name, "", "", "alpha_u", val(l.AlphaU))
		if v, ok := r.Fleiss[name]; ok {
			row(name, "", "", "fleiss", val(v))
		}
		for _, a := range r.Annotators {
			row(name, a, "", "units", strconv.Itoa(l.Units[a]))
			if n := l.Merged[a]; n > 0 {
				row(name, a, "", "merged", strconv.Itoa(n))
			}
		}
	}
	for _, p := range r.Pairs {
		row("", p.A, p.B, "f1_exact", val(p.F1Exact))
		row("", p.A, p.B, "f1_overlap", val(p.F1Overlap))
		for _, name := range r.labelNames() {
			row(name, p.A, p.B, "kappa", val(p.Kappa[name]))
		}
	}
}

// plural is "1 thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
