// Command gloss-cli works on Gloss project files without a display: create
// projects, import and export documents, list labels and spans, count.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"gloss/annotate/formats"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

// env is what a command runs with: its output streams, which escape what
// a terminal would act on (see terminal.go), and raw, standard output as
// it is, for data such as an export.
type env struct {
	stdout, stderr io.Writer
	raw            io.Writer
}

// command is one gloss-cli subcommand.
type command struct {
	synopsis string
	run      func(e *env, args []string) error
}

var commands = map[string]command{}

func register(name, synopsis string, run func(e *env, args []string) error) {
	commands[name] = command{synopsis, run}
}

// errUsage marks an error caused by how the command was called (exit 2).
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// errHelp is returned when --help was asked for: not a failure.
var errHelp = flag.ErrHelp

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run executes one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	raw := stdout
	stdout, stderr = termWriter{stdout}, termWriter{stderr}
	e := &env{stdout, stderr, raw}
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(stdout, "gloss-cli", Version)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gloss-cli: unknown command %q (see gloss-cli --help)\n", args[0])
		return 2
	}
	err := refuseServer(args[0], args[1:])
	if err == nil {
		err = cmd.run(e, args[1:])
	}
	var ue errUsage
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "gloss-cli %s: %s\n", args[0], oneLine(err.Error()))
		return 2
	default:
		fmt.Fprintf(stderr, "gloss-cli %s: %s\n", args[0], oneLine(err.Error()))
		return 1
	}
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ") }

func usage(w io.Writer) {
	fmt.Fprintln(w, "gloss-cli: work on Gloss annotation projects (*.gloss) without a display.")
	fmt.Fprintln(w, "\nUsage: gloss-cli COMMAND [flags] ARGS   (flags come before arguments)")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].synopsis)
	}
	fmt.Fprintln(w, "\nRun gloss-cli COMMAND --help for a command's flags.")
	fmt.Fprintf(w, "Formats: %s\n", strings.Join(formats.Names(), ", "))
}

// newFlags returns a flag set whose --help prints the command's usage line.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: gloss-cli %s %s\n\n%s\n", name, args, about)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	return fs
}

// parse parses flags and checks the number of positional arguments.
func parse(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		return nil, errUsage{err.Error()}
	}
	pos := fs.Args()
	for _, a := range pos {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return nil, errUsage{fmt.Sprintf("flag %s after arguments: put flags before the project path", a)}
		}
	}
	if len(pos) < min || (max >= 0 && len(pos) > max) {
		return nil, errUsage{fmt.Sprintf("wrong number of arguments (see gloss-cli %s --help)", fs.Name())}
	}
	return pos, nil
}
