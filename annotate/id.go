package annotate

import (
	"crypto/rand"
	"fmt"
)

// NewID returns a random (version 4) UUID. IDs are stable across files so that
// projects from several annotators can be merged.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("annotate: no randomness for an ID: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
