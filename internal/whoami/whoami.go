// Package whoami names the person at the keyboard: the annotator recorded
// on new spans, statuses and the edit log when none is given. Both stores,
// gloss-cli and the window ask it, so that one person is one name in all
// of them.
package whoami

import (
	"os"
	"os/user"
	"strings"
)

// EnvVar is the environment variable that names the annotator.
const EnvVar = "GLOSS_ANNOTATOR"

// Fallback is the name when nothing else gives one.
const Fallback = "annotator"

// Env is $GLOSS_ANNOTATOR with surrounding spaces trimmed ("" when it is
// unset or blank).
func Env() string { return strings.TrimSpace(os.Getenv(EnvVar)) }

// Default is the annotator's name when none is given: $GLOSS_ANNOTATOR
// (trimmed), else the OS user name without a Windows domain
// ("DOMAIN\ann" is "ann"), else $USER or $USERNAME, else "annotator".
func Default() string {
	return resolve(os.Getenv, func() (string, error) {
		u, err := user.Current()
		if err != nil {
			return "", err
		}
		return u.Username, nil
	})
}

// resolve is Default over the given environment and OS user lookup.
func resolve(getenv func(string) string, osUser func() (string, error)) string {
	if v := strings.TrimSpace(getenv(EnvVar)); v != "" {
		return v
	}
	if name, err := osUser(); err == nil {
		if i := strings.LastIndexByte(name, '\\'); i >= 0 {
			name = name[i+1:]
		}
		if name = strings.TrimSpace(name); name != "" {
			return name
		}
	}
	for _, k := range []string{"USER", "USERNAME"} {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
	}
	return Fallback
}
