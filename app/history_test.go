package app

import (
	"errors"
	"testing"
)

func TestHistory(t *testing.T) {
	value := 0
	set := func(v int) func() error { return func() error { value = v; return nil } }
	h := newHistory()
	h.run(command{name: "one", do: set(1), undo: set(0)})
	h.run(command{name: "two", do: set(2), undo: set(1)})
	if c, ok, err := h.undo(); !ok || err != nil || c.name != "two" || value != 1 {
		t.Fatalf("undo: %q %v %v value %d", c.name, ok, err, value)
	}
	if c, ok, err := h.redo(); !ok || err != nil || c.name != "two" || value != 2 {
		t.Fatalf("redo: %q %v %v value %d", c.name, ok, err, value)
	}
	h.undo()
	h.run(command{name: "three", do: set(3), undo: set(1)})
	if h.canRedo() {
		t.Fatal("a new command must drop the redo stack")
	}
	h.undo()
	h.undo()
	if value != 0 || h.canUndo() {
		t.Fatalf("value %d after undoing everything, canUndo %v", value, h.canUndo())
	}
	if _, ok, _ := h.undo(); ok {
		t.Fatal("undo on an empty history reported ok")
	}
}

func TestHistoryMerge(t *testing.T) {
	note := ""
	set := func(v string) func() error { return func() error { note = v; return nil } }
	h := newHistory()
	h.run(command{name: "n", do: set("a"), undo: set(""), merge: "note:1"})
	h.run(command{name: "n", do: set("ab"), undo: set("a"), merge: "note:1"})
	h.run(command{name: "n", do: set("abc"), undo: set("ab"), merge: "note:1"})
	if len(h.done) != 1 {
		t.Fatalf("merged typing gave %d steps, want 1", len(h.done))
	}
	h.undo()
	if note != "" {
		t.Fatalf("undo of merged typing left %q", note)
	}
	h.redo()
	if note != "abc" {
		t.Fatalf("redo gave %q, want abc", note)
	}
	h.run(command{name: "n", do: set("abcd"), undo: set("abc"), merge: "note:1"})
	if len(h.done) != 2 {
		t.Fatal("a redone command must not absorb the next edit")
	}
}

func TestHistoryFailedCommand(t *testing.T) {
	h := newHistory()
	boom := errors.New("boom")
	if err := h.run(command{do: func() error { return boom }, undo: func() error { return nil }}); err != boom {
		t.Fatalf("run returned %v", err)
	}
	if h.canUndo() {
		t.Fatal("a failed command was recorded")
	}
	h.run(command{name: "x", do: func() error { return nil }, undo: func() error { return boom }})
	if _, ok, err := h.undo(); !ok || err != boom || !h.canUndo() {
		t.Fatal("a failed undo must keep the command")
	}
}
