package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gloss/annotate"
)

// The cost of what Open does for reliability, on a project of about 50 MB
// of text: the quick check alone (NoBackup), and the quick check plus the
// rolling backup of a project changed since its last one.
//
//	go test -run '^$' -bench 'Open.*50MB' -benchtime 5x ./store

func project50MB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.gloss")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.AddLabel(&annotate.Label{Name: "claim"})
	for i := 0; i < 5; i++ { // 5,500 documents of 5 KB, 55,000 spans: a 50 MB file
		batch := textBatch("doc", 1100, 5000)
		for _, d := range batch.Documents {
			for k := 0; k < 10; k++ {
				batch.Spans = append(batch.Spans, &annotate.BatchSpan{Span: *annotate.NewSpan(d.ID, k*10, k*10+5, ""), LabelName: "claim"})
			}
		}
		if _, err := s.Import(batch); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

func benchmarkOpen(b *testing.B, opts Options) {
	path := project50MB(b)
	info, _ := os.Stat(path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		docs, _ := s.Documents()
		s.SetStatus(docs[i%len(docs)].ID, annotate.StatusDone) // changed since the last backup
		s.Close()
		b.StartTimer()
		s, err = Open(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if bk, err := s.OpenBackup(); err != nil || (!opts.NoBackup && bk.Path == "") {
			b.Fatalf("backup %+v: %v", bk, err)
		}
		s.Close()
	}
	b.ReportMetric(float64(info.Size())/(1<<20), "MB")
}

// BenchmarkOpenNoBackup50MB: Open with its quick check, no backup.
func BenchmarkOpenNoBackup50MB(b *testing.B) { benchmarkOpen(b, Options{NoBackup: true}) }

// BenchmarkOpenBackup50MB: Open with its quick check and rolling backup.
func BenchmarkOpenBackup50MB(b *testing.B) { benchmarkOpen(b, Options{}) }

// BenchmarkOpenSameContent50MB: Open of a project whose file changed (an
// import that added nothing, logged) but whose content is its newest
// backup's: the quick check and two content fingerprints, no backup.
func BenchmarkOpenSameContent50MB(b *testing.B) {
	path := project50MB(b)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Import(&annotate.Batch{})
		s.Close()
		b.StartTimer()
		s, err = Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if bk, err := s.OpenBackup(); err != nil || bk.Path != "" {
			b.Fatalf("backup %+v: %v", bk, err)
		}
		s.Close()
	}
}

// BenchmarkCorpusOpenBackupDue: opening a project whose rolling backup is
// due (it has none yet, as on the first open of a generated corpus), to
// its first page of the documents list and its count, as the window shows
// them. OpenFirstPageBackupDue is Open as it is: it decides, pins the
// state it backs up and returns, the copy being written in the
// background. OpenFirstPageBackupSync is the baseline, Open as it was
// before: the backup (VACUUM INTO) written first. backup-s is the time
// from Open to the backup being written; backup-MB its size (VACUUM INTO
// compacts; the backup API copies every page, free ones too).
func BenchmarkCorpusOpenBackupDue(b *testing.B) {
	for _, c := range corpusCases() {
		path := corpusProject(b, c[0], c[1])
		for _, sync := range []bool{false, true} {
			name := "OpenFirstPageBackupDue"
			if sync {
				name = "OpenFirstPageBackupSync"
			}
			b.Run(fmt.Sprintf("%s/docs=%d", name, c[0]), func(b *testing.B) {
				var took time.Duration
				var size int64
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					removeBackups(b, path)
					b.StartTimer()
					start := time.Now()
					s, bk := openWithBackup(b, path, sync)
					page, _, err := s.DocumentsPage(annotate.Cursor{}, 100, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortTitle})
					if err != nil || len(page) != 100 {
						b.Fatal(len(page), err)
					}
					if n, err := s.Count(annotate.DocFilter{}); err != nil || n != c[0] {
						b.Fatal(n, err)
					}
					b.StopTimer()
					if !sync {
						var err error
						if bk, err = s.OpenBackup(); err != nil || bk.Path == "" {
							b.Fatalf("backup %+v: %v", bk, err)
						}
					}
					took += time.Since(start)
					size = bk.Size
					s.Close()
					b.StartTimer()
				}
				b.ReportMetric(took.Seconds()/float64(b.N), "backup-s")
				b.ReportMetric(float64(size)/1e6, "backup-MB")
			})
		}
	}
}

// openWithBackup opens path with its rolling backup due: in the
// background (Open), or first and synchronously as Open did before (the
// BackupInfo is then that backup's).
func openWithBackup(b *testing.B, path string, sync bool) (*Store, BackupInfo) {
	if !sync {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		return s, BackupInfo{}
	}
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	dir := backupDirs(path)[0]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	dest := newBackupPath(dir, backupBase(path), time.Now())
	if err := s.Backup(dest); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(dest)
	if err != nil {
		b.Fatal(err)
	}
	return s, BackupInfo{Path: dest, Size: info.Size()}
}

// removeBackups removes the project's backups, so that the next Open makes one.
func removeBackups(b *testing.B, path string) {
	for _, dir := range backupDirs(path) {
		list, err := listBackups(dir, backupBase(path))
		if err != nil {
			b.Fatal(err)
		}
		for _, bk := range list {
			os.Remove(bk.Path)
		}
	}
}

// BenchmarkCorpusOpenChanged: opening a project edited since its newest
// backup (the content tokens differ, the usual case), to its first page
// and count. Changed: a document's status was set, so a backup is due;
// SameContent: a label was added and deleted, so the token changed but
// not the content, and no backup is made. Open as it is pins the state
// and returns, the fingerprints being compared in the background;
// …DecidedOnOpen is the baseline, Open as it was before (decideOnOpen:
// both fingerprints computed before Open returns). decided-s is the time
// from Open until the backup is written or found not due (OpenBackup).
func BenchmarkCorpusOpenChanged(b *testing.B) {
	for _, c := range corpusCases() {
		path := corpusProject(b, c[0], c[1])
		for _, changed := range []bool{true, false} {
			for _, onOpen := range []bool{false, true} {
				name := map[bool]string{true: "OpenFirstPageChanged", false: "OpenFirstPageSameContent"}[changed]
				if onOpen {
					name += "DecidedOnOpen"
				}
				b.Run(fmt.Sprintf("%s/docs=%d", name, c[0]), func(b *testing.B) {
					defer func(v bool) { decideOnOpen = v }(decideOnOpen)
					decideOnOpen = onOpen
					if err := backupWithToken(path); err != nil { // the newest backup holds this content
						b.Fatal(err)
					}
					b.ResetTimer()
					var took time.Duration
					for i := 0; i < b.N; i++ {
						b.StopTimer()
						editSinceBackup(b, path, changed, i)
						b.StartTimer()
						start := time.Now()
						s, err := Open(path, Options{})
						if err != nil {
							b.Fatal(err)
						}
						page, _, err := s.DocumentsPage(annotate.Cursor{}, 100, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortTitle})
						if err != nil || len(page) != 100 {
							b.Fatal(len(page), err)
						}
						if n, err := s.Count(annotate.DocFilter{}); err != nil || n != c[0] {
							b.Fatal(n, err)
						}
						b.StopTimer()
						bk, err := s.OpenBackup()
						took += time.Since(start)
						if err != nil || (bk.Path != "") != changed {
							b.Fatalf("backup %q (%v); want one: %v", bk.Path, err, changed)
						}
						s.Close()
						os.Remove(bk.Path) // the newest backup is again the one the benchmark began with
						b.StartTimer()
					}
					b.ReportMetric(took.Seconds()/float64(b.N), "decided-s")
				})
			}
		}
	}
}

// editSinceBackup changes the project at path without a backup: a
// document's status (changed), or a label added and deleted (the content
// token changes, the content does not).
func editSinceBackup(b *testing.B, path string, changed bool, i int) {
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if changed {
		page, _, err := s.DocumentsPage(annotate.Cursor{}, 100, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortTitle})
		if err == nil {
			err = s.SetStatus(page[i%len(page)].ID, annotate.StatusDone)
		}
		if err != nil {
			b.Fatal(err)
		}
		return
	}
	if err := s.AddLabel(&annotate.Label{Name: "passing"}); err != nil {
		b.Fatal(err)
	}
	l, err := s.LabelByName("passing")
	if err == nil {
		err = s.DeleteLabel(l.ID, "")
	}
	if err != nil {
		b.Fatal(err)
	}
}
