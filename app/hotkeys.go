package app

import (
	"strings"

	"gloss/annotate"
)

// hotkeyOptions are the label editor's hotkey choices for the label with
// ID self: "none", the digits and the letters, each key another label
// already has marked with that label's name ("2 — actor").
func hotkeyOptions(labels []*annotate.Label, self string) []string {
	taken := map[string]string{}
	for _, l := range labels {
		if l.ID != self && l.Hotkey != "" {
			taken[strings.ToLower(l.Hotkey)] = l.Name
		}
	}
	keys := []string{noHotkey}
	for c := '1'; c <= '9'; c++ {
		keys = append(keys, string(c))
	}
	keys = append(keys, "0")
	for c := 'a'; c <= 'z'; c++ {
		keys = append(keys, string(c))
	}
	for i, k := range keys {
		if name, ok := taken[k]; ok {
			keys[i] = k + takenMark + name
		}
	}
	return keys
}

// takenMark separates a hotkey choice from the label that has the key.
const takenMark = " — taken by "

// hotkeyOf is the key of a hotkey choice ("" for none).
func hotkeyOf(option string) string {
	k, _, _ := strings.Cut(option, takenMark)
	if k == noHotkey {
		return ""
	}
	return k
}

// hotkeyOption is the choice that stands for key among options.
func hotkeyOption(options []string, key string) string {
	if key == "" {
		return noHotkey
	}
	key = strings.ToLower(key)
	for _, o := range options {
		if hotkeyOf(o) == key {
			return o
		}
	}
	return key
}
