package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is where a document stands in the annotation work.
type Status string

// The statuses a document moves through.
const (
	StatusTodo       Status = "todo"
	StatusInProgress Status = "in-progress"
	StatusDone       Status = "done"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusTodo, StatusInProgress, StatusDone}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	return s == StatusTodo || s == StatusInProgress || s == StatusDone
}

// Document is one text to annotate, stored exactly as imported.
type Document struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Text     string         `json:"text"`
	SHA256   string         `json:"sha256"`
	Source   string         `json:"source,omitempty"`
	Status   Status         `json:"status"`
	Metadata map[string]any `json:"metadata"`
	// Categories holds the document's labels by category set name.
	Categories map[string][]string `json:"categories,omitempty"`
	CreatedAt  time.Time           `json:"created_at"`
	UpdatedAt  time.Time           `json:"updated_at"`

	// hashed and hashedSum remember the text NewDocument hashed and its
	// hash, so that Validate need not hash a large text again.
	hashed, hashedSum string
}

// DocumentInfo is a document without its text, for listings.
type DocumentInfo struct {
	ID        string
	Title     string
	Status    Status
	Source    string
	Length    int // in code points
	SpanCount int
	UpdatedAt time.Time
}

// NewDocument returns a todo document with a fresh ID and the text's hash.
func NewDocument(title, text, source string) *Document {
	now := time.Now().UTC()
	sum := HashText(text)
	return &Document{
		hashed:    text,
		hashedSum: sum,
		ID:        NewID(),
		Title:     title,
		Text:      text,
		SHA256:    sum,
		Source:    source,
		Status:    StatusTodo,
		Metadata:  map[string]any{},
		CreatedAt: now,
		UpdatedAt: now,
	}
}

// HashText returns the hex SHA-256 of text's UTF-8 bytes.
func HashText(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Validate checks that the document can be stored: an ID, a title, a known
// status, valid UTF-8 text without NUL bytes, and a hash that matches.
func (d *Document) Validate() error {
	switch {
	case d.ID == "":
		return Errorf(EINVALID, "document %q has no id", d.Title)
	case d.Title == "":
		return Errorf(EINVALID, "document %s has no title", d.ID)
	case !d.Status.Valid():
		return Errorf(EINVALID, "document %q: unknown status %q (want todo, in-progress or done)", d.Title, d.Status)
	}
	if err := CheckText(d.Text); err != nil {
		return Errorf(EINVALID, "document %q: %v", d.Title, err)
	}
	// Comparing the text with the one hashed costs nothing when it is the
	// same string; a text changed since is hashed again.
	unchanged := d.hashedSum != "" && d.hashedSum == d.SHA256 && d.hashed == d.Text
	if !unchanged && d.SHA256 != HashText(d.Text) {
		return Errorf(EINVALID, "document %q: sha256 does not match its text", d.Title)
	}
	return nil
}

// CheckText reports why text cannot be annotated: invalid UTF-8 (with the
// line and byte where it starts) or a NUL byte, the mark of a binary file.
func CheckText(text string) error {
	if line, problem := TextProblem(text); line > 0 {
		return Errorf(EINVALID, "line %d: %s", line, problem)
	}
	return nil
}

// TextProblem returns the line (1-based) and a description of the first NUL
// byte or invalid UTF-8 in text, or 0 when there is none.
func TextProblem(text string) (int, string) {
	if utf8.ValidString(text) && strings.IndexByte(text, 0) < 0 {
		return 0, "" // the fast path; the loop below only runs to say where
	}
	line := 1
	for i := 0; i < len(text); {
		c := text[i]
		if c == 0 {
			return line, fmt.Sprintf("NUL byte at byte %d (binary file?)", i)
		}
		if c == '\n' {
			line++
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return line, fmt.Sprintf("invalid UTF-8 at byte %d (not a UTF-8 text file?)", i)
		}
		i += size
	}
	return 0, ""
}
