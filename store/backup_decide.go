package store

import "bytes"

// Whether Open's rolling backup is due: by the content token at once (on
// the open path), else by the content fingerprints in the background (see
// startBackup).

// fingerprintOnly makes Open ignore the content tokens: the baseline of
// BenchmarkCorpusOpen's OpenSameContent (how Open decided before tokens).
var fingerprintOnly = false

// decideOnOpen makes Open compare the content fingerprints itself, before
// it returns, as it did before the comparison moved to the background:
// the baseline of BenchmarkCorpusOpenChanged.
var decideOnOpen = false

// sameToken reports whether the backup at path carries this project's
// content token (one row of each; see contentToken): then it holds this
// content. When a token cannot be read (a backup made before tokens) it
// does not, and the fingerprints decide.
func (s *Store) sameToken(path string) bool {
	if fingerprintOnly {
		return false
	}
	cur, err := contentToken(s.db)
	if err != nil {
		return false
	}
	old, err := fileContentToken(path)
	return err == nil && bytes.Equal(old, cur)
}

// sameContent reports whether the backup at path holds the project's
// content as it is now, by their content fingerprints (see
// contentFingerprint: every document and span row). When either cannot be
// read, it does not.
func (s *Store) sameContent(path string) bool {
	cur, err := contentFingerprint(s.db)
	if err != nil {
		return false
	}
	old, err := fileFingerprint(path)
	return err == nil && old == cur
}

// sameContent reports whether the backup at path holds the pinned
// state's content, by their content fingerprints. When either cannot be
// read, it does not.
func (sn *pinnedState) sameContent(path string) bool {
	cur, err := sn.fingerprint()
	if err != nil {
		return false
	}
	old, err := fileFingerprint(path)
	return err == nil && old == cur
}
