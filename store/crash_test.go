package store

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/store/records"
)

// The crash harness: a child process imports batches and edits spans in a
// loop, printing each edit before it starts and again once the commit has
// returned; the parent kills it with SIGKILL at random moments and after
// each kill reopens the file and checks it against what the child reported.

func init() { roles["crash"] = crashChild }

const (
	crashKills     = 30  // child processes killed
	crashBatchDocs = 200 // documents (each with one span) per import batch
	crashSeed      = 20251127
)

// crashLine is one line the child prints.
type crashLine struct {
	Op    string // ready, try, ok, fail, import, imported
	Kind  string // try: add, update, delete
	ID    string // span
	Start int
	End   int
	Label string
	Note  string
	Batch int // import, imported
}

// spanRec is the part of a span the harness checks.
type spanRec struct {
	Start, End  int
	Label, Note string
}

func crashChild(args []string) error {
	path := args[0]
	seed, _ := strconv.ParseUint(args[1], 10, 64)
	batch, _ := strconv.Atoi(args[2])
	s, err := Open(path, Options{Annotator: "crash"})
	if err != nil {
		return err
	}
	out := json.NewEncoder(os.Stdout) // unbuffered: a line is out once Encode returns
	say := func(l crashLine) {
		if err := out.Encode(l); err != nil {
			os.Exit(4)
		}
	}
	doc, err := s.FindDocument("edit")
	if err != nil {
		return err
	}
	labels, _ := s.Labels()
	spans, err := s.Spans(doc.ID)
	if err != nil {
		return err
	}
	var ids []string
	for _, sp := range spans {
		ids = append(ids, sp.ID)
	}
	say(crashLine{Op: "ready"})
	rng := rand.New(rand.NewPCG(seed, 1))
	n := unitext.RuneLen(doc.Text)
	for i := 0; ; i++ {
		r := rng.IntN(100)
		switch {
		case r < 8:
			batch++
			say(crashLine{Op: "import", Batch: batch})
			if _, err := s.Import(crashBatch(batch)); err != nil {
				return err
			}
			say(crashLine{Op: "imported", Batch: batch})
			continue
		case r < 50 || len(ids) == 0:
			start := rng.IntN(n - 20)
			sp := annotate.NewSpan(doc.ID, start, start+1+rng.IntN(19), labels[rng.IntN(len(labels))].ID)
			sp.Note = fmt.Sprintf("note %d \"quoted\" 🤝 %d", seed, i)
			say(crashLine{Op: "try", Kind: "add", ID: sp.ID, Start: sp.Start, End: sp.End, Label: sp.LabelID, Note: sp.Note})
			err = s.AddSpan(sp)
			if err == nil {
				ids = append(ids, sp.ID)
			}
		case r < 80:
			k := rng.IntN(len(ids))
			sp, gerr := s.Span(ids[k])
			if gerr != nil {
				return gerr
			}
			start := rng.IntN(n - 20)
			sp.Start, sp.End, sp.Note = start, start+1+rng.IntN(19), fmt.Sprintf("updated %d", i)
			say(crashLine{Op: "try", Kind: "update", ID: sp.ID, Start: sp.Start, End: sp.End, Label: sp.LabelID, Note: sp.Note})
			err = s.UpdateSpan(sp)
		default:
			k := rng.IntN(len(ids))
			id := ids[k]
			say(crashLine{Op: "try", Kind: "delete", ID: id})
			err = s.DeleteSpan(id)
			if err == nil {
				ids = append(ids[:k], ids[k+1:]...)
			}
		}
		switch {
		case err == nil:
			say(crashLine{Op: "ok"})
		case annotate.ErrorCode(err) == annotate.ECONFLICT: // same offsets and label as another span
			say(crashLine{Op: "fail"})
		default:
			return err
		}
	}
}

// crashBatch is import batch k: documents titled crash-k-i, one span each.
func crashBatch(k int) *annotate.Batch {
	b := textBatch(fmt.Sprintf("crash-%d", k), crashBatchDocs, 400)
	for _, d := range b.Documents {
		b.Spans = append(b.Spans, &annotate.BatchSpan{Span: *annotate.NewSpan(d.ID, 0, 5, ""), LabelName: "claim"})
	}
	return b
}

// crashModel is what the children reported, and so what the file must hold.
type crashModel struct {
	spans    map[string]*spanRec // committed state; nil = deleted
	pending  *crashLine          // the edit in flight when the child died
	imported map[int]bool        // batches reported committed
	started  map[int]bool        // batches begun
}

func (m *crashModel) apply(l crashLine) {
	switch l.Op {
	case "try":
		m.pending = &l
	case "ok":
		p := m.pending
		if p.Kind == "delete" {
			m.spans[p.ID] = nil
		} else {
			m.spans[p.ID] = &spanRec{p.Start, p.End, p.Label, p.Note}
		}
		m.pending = nil
	case "fail":
		m.pending = nil
	case "import":
		m.started[l.Batch] = true
	case "imported":
		m.imported[l.Batch] = true
	}
}

// TestCrashSafety kills a writing child process crashKills times. After
// every kill: PRAGMA integrity_check is ok; every edit the child reported
// committed is in the file with its final state (the one in flight may or
// may not be); every import batch is wholly present or wholly absent, and
// present if reported; the edit log's last entry for each span matches the
// span (edit and log entry commit together). Finally every listed backup
// is a sound project, though children were also killed while backing up.
func TestCrashSafety(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	began := time.Now()
	path := filepath.Join(t.TempDir(), "crash.gloss")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"actor", "claim", "prediction"} {
		s.AddLabel(&annotate.Label{Name: n})
	}
	addDoc(t, s, "edit", strings.Repeat("Moscow and Beijing said the partnership is stable. ", 40))
	s.Close()

	m := &crashModel{spans: map[string]*spanRec{}, imported: map[int]bool{}, started: map[int]bool{}}
	rng := rand.New(rand.NewPCG(crashSeed, 0))
	var edits, inFlightEdits, inFlightImports, beforeReady int
	for k := 0; k < crashKills; k++ {
		lines, ready := runAndKill(t, path, uint64(crashSeed+k), k*1000, rng)
		if !ready {
			beforeReady++
		}
		for _, l := range lines {
			if l.Op == "ok" {
				edits++
			}
			m.apply(l)
		}
		if m.pending != nil {
			inFlightEdits++
		}
		for b := range m.started {
			if !m.imported[b] && b/1000 == k {
				inFlightImports++
			}
		}
		verifyCrash(t, path, m)
		m.pending = nil
		if t.Failed() {
			t.Fatalf("after kill %d", k+1)
		}
	}
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		c, err := Open(b.Path, Options{ReadOnly: true})
		if err != nil {
			t.Errorf("backup %s: %v", b.Path, err)
			continue
		}
		c.Close()
	}
	imported := 0
	for range m.imported {
		imported++
	}
	t.Logf("%d kills survived (%d before the child was ready, %d during an edit, %d during an import); "+
		"%d committed edits and %d imported batches of %d documents verified; %d backups sound; %v",
		crashKills, beforeReady, inFlightEdits, inFlightImports, edits, imported, crashBatchDocs, len(list), time.Since(began).Round(time.Millisecond))
}

// runAndKill starts a child and SIGKILLs it: every third child at a random
// moment of its start (opening, checking, backing up), the others a random
// time after it is ready. It returns the lines the child printed.
func runAndKill(t *testing.T, path string, seed uint64, batch int, rng *rand.Rand) ([]crashLine, bool) {
	t.Helper()
	cmd := helperCmd(t, "crash", path, strconv.FormatUint(seed, 10), strconv.Itoa(batch))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ch := make(chan crashLine, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var l crashLine
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				ch <- l
			}
		}
		close(ch)
	}()
	var lines []crashLine
	ready := false
	if seed%3 == 0 {
		time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
	} else {
		for l := range ch {
			lines = append(lines, l)
			if l.Op == "ready" {
				ready = true
				break
			}
		}
		time.Sleep(time.Duration(10+rng.IntN(150)) * time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL
	for l := range ch {
		lines = append(lines, l)
		ready = ready || l.Op == "ready"
	}
	err = cmd.Wait()
	if err == nil || strings.Contains(stderr.String(), "child:") || strings.Contains(stderr.String(), "panic") {
		t.Fatalf("child ended on its own: %v\n%s", err, stderr.String())
	}
	return lines, ready
}

// verifyCrash reopens the file and checks it against the model.
func verifyCrash(t *testing.T, path string, m *crashModel) {
	t.Helper()
	integrity(t, path)
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := s.FindDocument("edit")
	if err != nil {
		t.Fatal(err)
	}
	spans, err := s.Spans(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*spanRec{}
	for _, sp := range spans {
		got[sp.ID] = &spanRec{sp.Start, sp.End, sp.LabelID, sp.Note}
	}
	same := func(a, b *spanRec) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }
	p := m.pending
	for id, want := range m.spans {
		if p != nil && p.ID == id {
			continue
		}
		if !same(got[id], want) {
			t.Errorf("span %s: file has %+v, child reported %+v", id, got[id], want)
		}
	}
	for id := range got {
		if _, known := m.spans[id]; !known && (p == nil || p.ID != id) {
			t.Errorf("span %s in the file was never reported", id)
		}
	}
	if p != nil { // the edit in flight: before or after, and from now on what the file says
		after := &spanRec{p.Start, p.End, p.Label, p.Note}
		if p.Kind == "delete" {
			after = nil
		}
		if g := got[p.ID]; !same(g, m.spans[p.ID]) && !same(g, after) {
			t.Errorf("in-flight %s of %s: file has %+v", p.Kind, p.ID, g)
		}
		if g, ok := got[p.ID]; ok || m.spans[p.ID] != nil || p.Kind == "delete" {
			m.spans[p.ID] = g
		}
	}
	bdocs, bspans := map[int]int{}, map[int]int{}
	rows, err := s.DB().Query(`SELECT d.title, (SELECT count(*) FROM spans WHERE document_id = d.id)
		FROM documents d WHERE d.title LIKE 'crash-%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var title string
		var n, b int
		rows.Scan(&title, &n)
		fmt.Sscanf(title, "crash-%d-", &b)
		bdocs[b]++
		bspans[b] += n
	}
	rows.Close()
	for b := range m.started {
		whole := bdocs[b] == crashBatchDocs && bspans[b] == crashBatchDocs
		if !(whole || bdocs[b] == 0 && bspans[b] == 0) || (m.imported[b] && !whole) {
			t.Errorf("batch %d: %d documents, %d spans (reported imported: %v)", b, bdocs[b], bspans[b], m.imported[b])
		}
		if whole {
			m.imported[b] = true
		}
	}
	for b := range bdocs {
		if !m.started[b] {
			t.Errorf("batch %d in the file was never begun", b)
		}
	}
	checkLogMatches(t, s, got)
}

// checkLogMatches: for every span of the edit document, the newest span
// event names it as it is; for every span the log says was deleted last,
// the span is gone.
func checkLogMatches(t *testing.T, s *Store, got map[string]*spanRec) {
	t.Helper()
	rows, err := s.DB().Query(`SELECT e.span_id, e.action, e.after FROM events e JOIN
		(SELECT span_id, max(seq) AS seq FROM events WHERE action IN ` + spanActions + ` GROUP BY span_id) last
		ON e.seq = last.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	logged := 0
	for rows.Next() {
		var id, action, after string
		rows.Scan(&id, &action, &after)
		logged++
		sp, _ := records.DecodeSpan(after)
		g := got[id]
		switch {
		case action == annotate.ActionDeleteSpan && g != nil:
			t.Errorf("span %s: log says deleted, file has it", id)
		case action != annotate.ActionDeleteSpan && (g == nil || sp == nil || *g != spanRec{sp.Start, sp.End, sp.LabelID, sp.Note}):
			t.Errorf("span %s: log says %s %+v, file has %+v", id, action, sp, g)
		}
	}
	if logged < len(got) {
		t.Errorf("%d spans, only %d in the edit log", len(got), logged)
	}
}
