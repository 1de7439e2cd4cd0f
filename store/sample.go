package store

import (
	"database/sql"
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"gloss/annotate"
)

// SampleOptions say how to draw a sample of the project's documents.
type SampleOptions struct {
	N    int    // documents to draw
	Seed int64  // the same seed on the same project draws the same sample
	By   string // metadata field to stratify by ("": a simple random sample)
	// Assign lists the annotators to share the sample among ("": none).
	Assign []string
	// Overlap is how many sampled documents every annotator of Assign
	// codes (for agreement); each other one goes to one annotator.
	Overlap int
}

// SampleResult says what DrawSample drew.
type SampleResult struct {
	Drawn    int            // documents in the sample
	Strata   map[string]int // documents drawn per value of the field ("" for documents without it)
	Assigned map[string]int // documents per annotator
}

// SampleEntry is one sampled document.
type SampleEntry struct {
	Ord        int // position in the draw, from 1
	DocumentID string
	Title      string
	Stratum    string
	Overlap    bool     // coded by every assigned annotator
	Annotators []string // who codes it, sorted
}

// DrawSample replaces the project's sample with a new draw of o.N
// documents: with o.By, a stratified sample whose strata (the field's
// values) get shares proportional to their sizes (largest remainder), else
// a simple random sample; in both cases reproducible from o.Seed. The
// drawn documents are then, in draw order, the first o.Overlap assigned to
// every annotator of o.Assign and each other one to one annotator in
// turn. It all happens in one transaction and is logged.
func (s *Store) DrawSample(o SampleOptions) (SampleResult, error) {
	if err := checkSampleOptions(o); err != nil {
		return SampleResult{}, err
	}
	var res SampleResult
	err := s.write(func(tx *sql.Tx) error {
		strata, total, err := sampleFrame(tx, o.By)
		if err != nil {
			return err
		}
		if o.N > total {
			return annotate.Errorf(annotate.EINVALID, "sample: %d documents asked for, the project has %d", o.N, total)
		}
		drawn, stratumOf := drawStratified(strata, total, o.N, o.Seed)
		res = SampleResult{Drawn: len(drawn), Strata: map[string]int{}, Assigned: map[string]int{}}
		for _, id := range []string{`DELETE FROM sample`, `DELETE FROM assignments`, `DELETE FROM sample_draw`} {
			if _, err := tx.Exec(id); err != nil {
				return err
			}
		}
		for i, id := range drawn {
			overlap := len(o.Assign) > 0 && i < o.Overlap
			if _, err := tx.Exec(`INSERT INTO sample(document_id, ord, stratum, overlap) VALUES (?, ?, ?, ?)`, id, i+1, stratumOf[id], overlap); err != nil {
				return err
			}
			res.Strata[stratumOf[id]]++
			var to []string
			switch {
			case len(o.Assign) == 0:
			case overlap:
				to = o.Assign
			default:
				to = []string{o.Assign[(i-o.Overlap)%len(o.Assign)]}
			}
			for _, a := range to {
				if _, err := tx.Exec(`INSERT INTO assignments(document_id, annotator) VALUES (?, ?)`, id, a); err != nil {
					return err
				}
				res.Assigned[a]++
			}
		}
		if _, err := tx.Exec(`INSERT INTO sample_draw(id, seed, size, by_field, overlap, drawn_at) VALUES (1, ?, ?, ?, ?, ?)`,
			o.Seed, o.N, o.By, o.Overlap, now()); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, "draw-sample", "", "", "",
			fmt.Sprintf("%d documents, seed %d, by %q, assigned to %s, overlap %d", o.N, o.Seed, o.By, strings.Join(o.Assign, ","), o.Overlap))
	})
	return res, err
}

func checkSampleOptions(o SampleOptions) error {
	if o.N < 1 {
		return annotate.Errorf(annotate.EINVALID, "sample: the size must be at least 1, not %d", o.N)
	}
	seen := map[string]bool{}
	for _, a := range o.Assign {
		if strings.TrimSpace(a) == "" || seen[a] {
			return annotate.Errorf(annotate.EINVALID, "sample: annotator names must be non-empty and distinct: %q", strings.Join(o.Assign, ","))
		}
		seen[a] = true
	}
	if o.Overlap < 0 || o.Overlap > o.N || (o.Overlap > 0 && len(o.Assign) < 2) {
		return annotate.Errorf(annotate.EINVALID, "sample: the overlap must be between 0 and the sample size (%d) and needs two or more annotators", o.N)
	}
	return nil
}

// sampleFrame returns the documents' IDs by stratum (the metadata field's
// value as text, "" without it), each in import order.
func sampleFrame(tx *sql.Tx, by string) (map[string][]string, int, error) {
	q := `SELECT id, '' FROM documents ORDER BY seq`
	var args []any
	if by != "" {
		q = `SELECT id, coalesce(CAST(json_extract(metadata, ?) AS TEXT), '') FROM documents ORDER BY seq`
		args = append(args, `$."`+strings.ReplaceAll(by, `"`, `\"`)+`"`)
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("sample: %w", err)
	}
	defer rows.Close()
	strata := map[string][]string{}
	total := 0
	for rows.Next() {
		var id, v string
		if err := rows.Scan(&id, &v); err != nil {
			return nil, 0, err
		}
		strata[v] = append(strata[v], id)
		total++
	}
	return strata, total, rows.Err()
}

// drawStratified draws n of total IDs: each stratum its proportional share
// (largest remainder; ties by stratum value), each share a uniform random
// subset of its stratum, the whole in a random order, all from seed.
func drawStratified(strata map[string][]string, total, n int, seed int64) ([]string, map[string]string) {
	r := rand.New(rand.NewSource(seed))
	names := make([]string, 0, len(strata))
	for k := range strata {
		names = append(names, k)
	}
	sort.Strings(names)
	share := map[string]int{}
	type rem struct {
		name string
		frac int // remainder of n*size/total, in units of 1/total
	}
	var rems []rem
	given := 0
	for _, k := range names {
		size := len(strata[k])
		share[k] = n * size / total
		given += share[k]
		rems = append(rems, rem{k, n * size % total})
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].frac > rems[j].frac })
	for i := 0; given < n; i++ {
		share[rems[i].name]++
		given++
	}
	var drawn []string
	stratumOf := map[string]string{}
	for _, k := range names {
		ids := append([]string(nil), strata[k]...)
		for i := 0; i < share[k]; i++ { // partial Fisher-Yates
			j := i + r.Intn(len(ids)-i)
			ids[i], ids[j] = ids[j], ids[i]
			drawn = append(drawn, ids[i])
			stratumOf[ids[i]] = k
		}
	}
	r.Shuffle(len(drawn), func(i, j int) { drawn[i], drawn[j] = drawn[j], drawn[i] })
	return drawn, stratumOf
}

// Sample lists the sampled documents in draw order with their annotators.
func (s *Store) Sample() ([]SampleEntry, error) {
	rows, err := s.rdb.Query(`SELECT s.ord, s.document_id, d.title, s.stratum, s.overlap, coalesce(group_concat(a.annotator, char(10)), '')
		FROM sample s JOIN documents d ON d.id = s.document_id
		LEFT JOIN assignments a ON a.document_id = s.document_id
		GROUP BY s.document_id ORDER BY s.ord`)
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	defer rows.Close()
	var out []SampleEntry
	for rows.Next() {
		var e SampleEntry
		var names string
		if err := rows.Scan(&e.Ord, &e.DocumentID, &e.Title, &e.Stratum, &e.Overlap, &names); err != nil {
			return nil, err
		}
		if names != "" {
			e.Annotators = strings.Split(names, "\n")
			sort.Strings(e.Annotators)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
