package whoami

import (
	"errors"
	"os/user"
	"strings"
	"testing"
)

// TestResolve: each source in turn, the first that names someone winning.
func TestResolve(t *testing.T) {
	noUser := func() (string, error) { return "", errors.New("no user database") }
	osUser := func(name string) func() (string, error) {
		return func() (string, error) { return name, nil }
	}
	cases := []struct {
		name   string
		env    map[string]string
		osUser func() (string, error)
		want   string
	}{
		{"GLOSS_ANNOTATOR first", map[string]string{EnvVar: "zoe", "USER": "u"}, osUser("os"), "zoe"},
		{"GLOSS_ANNOTATOR trimmed", map[string]string{EnvVar: "  zoe \t"}, osUser("os"), "zoe"},
		{"blank GLOSS_ANNOTATOR ignored", map[string]string{EnvVar: "   ", "USER": "u"}, osUser("os"), "os"},
		{"OS user before USER", map[string]string{"USER": "u"}, osUser("ann"), "ann"},
		{"Windows domain dropped", nil, osUser(`CORP\ann`), "ann"},
		{"domain alone is no name", map[string]string{"USERNAME": "win"}, osUser(`CORP\`), "win"},
		{"USER without an OS user", map[string]string{"USER": "u", "USERNAME": "w"}, noUser, "u"},
		{"USERNAME last", map[string]string{"USERNAME": " w "}, noUser, "w"},
		{"empty OS user name", map[string]string{"USER": "u"}, osUser(""), "u"},
		{"nothing at all", nil, noUser, Fallback},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := resolve(func(k string) string { return c.env[k] }, c.osUser); got != c.want {
				t.Errorf("resolve = %q, want %q", got, c.want)
			}
		})
	}
}

// TestDefault: the real environment and OS user.
func TestDefault(t *testing.T) {
	t.Setenv(EnvVar, " ada ")
	if got := Default(); got != "ada" {
		t.Errorf("with $%s set: %q", EnvVar, got)
	}
	if got := Env(); got != "ada" {
		t.Errorf("Env() = %q", got)
	}
	t.Setenv(EnvVar, "")
	if Env() != "" {
		t.Errorf("Env() with $%s empty = %q", EnvVar, Env())
	}
	u, err := user.Current()
	if err != nil || u.Username == "" {
		t.Skip("no OS user here:", err)
	}
	if got, want := Default(), u.Username[strings.LastIndexByte(u.Username, '\\')+1:]; got != want {
		t.Errorf("without $%s: %q, want the OS user %q", EnvVar, got, want)
	}
}
